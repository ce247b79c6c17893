//! Templates in pipelines: exec argv elements, log messages and `when:` conditions, rendered
//! with minijinja against the job's context (`job`, `data`, `steps.<name>.output`, and `env`
//! holding only the variables the pipeline names in `env_allow`). An undefined variable is an
//! error, never an empty string, and nothing is ever rendered into a shell script.

use minijinja::{Environment, UndefinedBehavior, Value};
use std::sync::LazyLock;

static ENGINE: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut engine = Environment::new();
    engine.set_undefined_behavior(UndefinedBehavior::Strict);
    engine
});

/// Whether the text holds template syntax at all (plain text is used as it is).
pub fn is_template(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// Checks a template's syntax when the pipeline loads.
pub fn check(text: &str) -> Result<(), String> {
    if !is_template(text) {
        return Ok(());
    }
    ENGINE
        .template_from_str(text)
        .map(|_| ())
        .map_err(|error| describe(&error))
}

/// Checks a `when:` condition's syntax when the pipeline loads.
pub fn check_condition(condition: &str) -> Result<(), String> {
    ENGINE
        .compile_expression(condition)
        .map(|_| ())
        .map_err(|error| describe(&error))
}

pub fn render(text: &str, context: &Value) -> Result<String, String> {
    if !is_template(text) {
        return Ok(text.to_string());
    }
    ENGINE
        .render_str(text, context)
        .map_err(|error| describe(&error))
}

/// Whether a `when:` condition holds for this job.
pub fn holds(condition: &str, context: &Value) -> Result<bool, String> {
    let expression = ENGINE
        .compile_expression(condition)
        .map_err(|error| describe(&error))?;
    expression
        .eval(context)
        .map(|value| value.is_true())
        .map_err(|error| describe(&error))
}

/// minijinja's message with its detail, on one line.
fn describe(error: &minijinja::Error) -> String {
    match error.detail() {
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.to_string(),
    }
}

/// The template context: the job, its data, the outputs so far as `steps.<name>.output`, and
/// the allowed environment variables that are set.
pub fn context(
    job: &serde_json::Value,
    data: &serde_json::Value,
    outputs: &serde_json::Map<String, serde_json::Value>,
    env_allow: &[String],
) -> Value {
    let steps: serde_json::Map<String, serde_json::Value> = outputs
        .iter()
        .map(|(name, output)| (name.clone(), serde_json::json!({ "output": output })))
        .collect();
    let env: serde_json::Map<String, serde_json::Value> = env_allow
        .iter()
        .filter_map(|name| Some((name.clone(), std::env::var(name).ok()?.into())))
        .collect();
    Value::from_serialize(serde_json::json!({
        "job": job,
        "data": data,
        "steps": steps,
        "env": env,
    }))
}
