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

/// The expression inside text that is exactly one `{{ expression }}`, if it is.
pub fn expression_of(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    (!inner.contains("{{") && !inner.contains("}}")).then(|| inner.trim())
}

/// Whether any string inside a JSON value is a template.
pub fn value_is_template(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(text) => is_template(text),
        serde_json::Value::Array(items) => items.iter().any(value_is_template),
        serde_json::Value::Object(map) => map.values().any(value_is_template),
        _ => false,
    }
}

/// Checks every template inside a JSON value when the pipeline loads.
pub fn check_value(value: &serde_json::Value) -> Result<(), String> {
    match value {
        serde_json::Value::String(text) => match expression_of(text) {
            Some(expression) => check_condition(expression),
            None => check(text),
        },
        serde_json::Value::Array(items) => items.iter().try_for_each(check_value),
        serde_json::Value::Object(map) => map.values().try_for_each(check_value),
        _ => Ok(()),
    }
}

/// Renders a JSON value: each string is a template, and a string that is exactly one
/// `{{ expression }}` becomes the expression's value (an object stays an object).
pub fn render_value(
    value: &serde_json::Value,
    context: &Value,
) -> Result<serde_json::Value, String> {
    Ok(match value {
        serde_json::Value::String(text) => match expression_of(text) {
            Some(expression) => evaluate(expression, context)?,
            None => serde_json::Value::String(render(text, context)?),
        },
        serde_json::Value::Array(items) => serde_json::Value::Array(
            items
                .iter()
                .map(|item| render_value(item, context))
                .collect::<Result<_, _>>()?,
        ),
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(key, item)| Ok((key.clone(), render_value(item, context)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => other.clone(),
    })
}

/// An expression's value as JSON.
pub fn evaluate(expression: &str, context: &Value) -> Result<serde_json::Value, String> {
    let compiled = ENGINE
        .compile_expression(expression)
        .map_err(|error| describe(&error))?;
    let value = compiled.eval(context).map_err(|error| describe(&error))?;
    serde_json::to_value(&value).map_err(|error| error.to_string())
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
    item: Option<(&serde_json::Value, usize)>,
) -> Value {
    let steps: serde_json::Map<String, serde_json::Value> = outputs
        .iter()
        .map(|(name, output)| (name.clone(), serde_json::json!({ "output": output })))
        .collect();
    let env: serde_json::Map<String, serde_json::Value> = env_allow
        .iter()
        .filter_map(|name| Some((name.clone(), std::env::var(name).ok()?.into())))
        .collect();
    let mut context = serde_json::json!({
        "job": job,
        "data": data,
        "steps": steps,
        "env": env,
    });
    // a foreach body also sees its element and where it stands
    if let Some((item, index)) = item {
        context["item"] = item.clone();
        context["index"] = index.into();
    }
    Value::from_serialize(context)
}
