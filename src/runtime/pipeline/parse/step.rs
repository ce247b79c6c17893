//! One step as written: which kind it is (exactly one), the fields that belong to that kind,
//! its name claimed, and its program found, all while it is read.

use super::kinds::{
    FailSpec, LogSpec, RawChaos, RawEnqueue, RawForeach, RawHttp, RawParallel, RawRoute,
};
use super::{Steps, claim};
use crate::runtime::duration::HumanDuration;
use crate::runtime::pipeline::spec::{
    Action, ExecSpec, ExitAction, LogLevel, OutputMode, RetryPolicy, StdinMode, Step,
};
use crate::runtime::pipeline::template;
use crate::runtime::rate::Rate;
use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The step as written; `Step::deserialize` checks that exactly one kind is given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: Option<String>,
    timeout: Option<HumanDuration>,
    when: Option<String>,
    retry: Option<RetryPolicy>,
    #[serde(default)]
    needs: Vec<String>,
    rate: Option<Rate>,
    exec: Option<Vec<String>>,
    shell: Option<String>,
    http: Option<RawHttp>,
    enqueue: Option<RawEnqueue>,
    noop: Option<serde_yaml::Value>,
    sleep: Option<HumanDuration>,
    fail: Option<FailSpec>,
    log: Option<LogSpec>,
    chaos: Option<RawChaos>,
    steps: Option<Steps>,
    parallel: Option<RawParallel>,
    route: Option<RawRoute>,
    foreach: Option<RawForeach>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    cwd: Option<PathBuf>,
    #[serde(default)]
    exit_codes: BTreeMap<i32, ExitAction>,
    #[serde(default)]
    retry_on: Vec<i32>,
    #[serde(default)]
    fatal_on: Vec<i32>,
    stdin: Option<StdinMode>,
    output: Option<OutputMode>,
    persistent: Option<bool>,
}

impl RawStep {
    /// An exec step's settings: `retry_on` and `fatal_on` fold into the exit-code map, and a
    /// code may mean only one thing.
    fn exec_spec(&self, argv: Vec<String>) -> Result<ExecSpec, String> {
        let mut exit_codes = self.exit_codes.clone();
        for (codes, action) in [
            (&self.retry_on, ExitAction::Retry),
            (&self.fatal_on, ExitAction::Fatal),
        ] {
            for code in codes {
                if let Some(earlier) = exit_codes.insert(*code, action)
                    && earlier != action
                {
                    return Err(format!(
                        "exit code {code} is given two meanings (in `exit_codes`, `retry_on` or `fatal_on`)"
                    ));
                }
            }
        }
        for (index, part) in argv.iter().enumerate() {
            template::check(part).map_err(|error| format!("`exec[{index}]`: {error}"))?;
        }
        Ok(ExecSpec {
            argv,
            env: self.env.clone(),
            cwd: self.cwd.clone(),
            exit_codes,
            otherwise: if self.retry_on.is_empty() {
                ExitAction::Retry
            } else {
                ExitAction::Fatal
            },
            stdin: self.stdin.unwrap_or_default(),
            output: self.output.unwrap_or_default(),
            persistent: self.persistent.unwrap_or(false),
        })
    }

    fn exec_only_fields(&self) -> bool {
        !self.env.is_empty()
            || self.cwd.is_some()
            || !self.exit_codes.is_empty()
            || !self.retry_on.is_empty()
            || !self.fatal_on.is_empty()
            || self.stdin.is_some()
            || self.persistent.is_some()
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct One;
        impl<'de> Visitor<'de> for One {
            type Value = Step;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a step: a mapping with a name and one kind")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Step, A::Error> {
                let raw = RawStep::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                step_from_raw(raw).map_err(A::Error::custom)
            }
        }
        deserializer.deserialize_map(One)
    }
}

/// Finds the program an exec step names, as the step would: a path with a `/` relative to
/// the step's `cwd`, else a search of the step's PATH.
pub fn resolve_program(spec: &ExecSpec) -> Result<PathBuf, String> {
    let program = &spec.argv[0];
    let executable = |path: &Path| {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        let path = match &spec.cwd {
            Some(directory) if Path::new(program).is_relative() => directory.join(program),
            _ => PathBuf::from(program),
        };
        return if executable(&path) {
            Ok(path)
        } else {
            Err(format!(
                "program `{program}` does not exist or is not executable"
            ))
        };
    }
    let search = spec
        .env
        .get("PATH")
        .cloned()
        .or_else(|| std::env::var("PATH").ok())
        .unwrap_or_default();
    std::env::split_paths(&search)
        .map(|directory| directory.join(program))
        .find(|candidate| executable(candidate))
        .ok_or_else(|| {
            format!("program `{program}` is not on PATH (install it, or write its full path)")
        })
}

const KINDS: &str =
    "exec, shell, http, enqueue, noop, sleep, fail, log, chaos, steps, parallel, route or foreach";

fn step_from_raw(mut raw: RawStep) -> Result<Step, String> {
    let mut kinds = Vec::new();
    let mut action = None;
    let exec_only = raw.exec_only_fields();
    let output_field = raw.output.is_some();
    let mut found = |kind: &'static str, made: Action| {
        kinds.push(kind);
        action = Some(made);
    };
    if let Some(argv) = raw.exec.take() {
        if argv.is_empty() || argv[0].is_empty() {
            return Err("`exec` needs a program: exec: [program, arg, ...]".into());
        }
        found("exec", Action::Exec(raw.exec_spec(argv)?));
    }
    if let Some(script) = raw.shell.take() {
        if template::is_template(&script) {
            return Err("templates are not rendered in `shell:` scripts, so nothing is ever interpolated into a shell; pass values as `exec:` arguments, or read the job context on stdin".into());
        }
        let argv = vec!["/bin/sh".into(), "-c".into(), script];
        found("shell", Action::Exec(raw.exec_spec(argv)?));
    }
    if let Some(http) = raw.http.take() {
        let mut spec = http.check()?;
        if let Some(output) = raw.output {
            spec.output = output;
        }
        found("http", Action::Http(spec));
    }
    if let Some(enqueue) = raw.enqueue.take() {
        found("enqueue", Action::Enqueue(enqueue.check()?));
    }
    if raw.noop.is_some() {
        found("noop", Action::Noop);
    }
    if let Some(duration) = raw.sleep {
        found("sleep", Action::Sleep(duration.0));
    }
    if let Some(fail) = raw.fail.take() {
        found(
            "fail",
            match fail {
                FailSpec::Message(message) => Action::Fail {
                    message,
                    fatal: false,
                },
                FailSpec::Detailed { message, fatal } => Action::Fail { message, fatal },
            },
        );
    }
    if let Some(log) = raw.log.take() {
        let (message, level) = match log {
            LogSpec::Message(message) => (message, LogLevel::Info),
            LogSpec::Detailed { message, level } => (message, level),
        };
        template::check(&message).map_err(|error| format!("`log`: {error}"))?;
        found("log", Action::Log { message, level });
    }
    if let Some(chaos) = raw.chaos.take() {
        found("chaos", Action::Chaos(chaos.check()?));
    }
    if let Some(steps) = raw.steps.take() {
        found("steps", Action::Sequence(steps.0));
    }
    if let Some(parallel) = raw.parallel.take() {
        found(
            "parallel",
            Action::Parallel {
                steps: parallel.steps,
                fail_fast: parallel.fail_fast,
            },
        );
    }
    if let Some(route) = raw.route.take() {
        template::check(&route.on).map_err(|error| format!("`route.on`: {error}"))?;
        found(
            "route",
            Action::Route {
                on: route.on,
                cases: route.cases.0,
                default: route.default.map(|step| Box::new(step.0)),
            },
        );
    }
    if let Some(foreach) = raw.foreach.take() {
        let items = template::expression_of(&foreach.items)
            .unwrap_or(&foreach.items)
            .to_string();
        template::check_condition(&items).map_err(|error| format!("`foreach.items`: {error}"))?;
        found(
            "foreach",
            Action::Foreach {
                items,
                max_parallel: foreach.max_parallel,
                body: Box::new(foreach.body.0),
            },
        );
    }
    if kinds.len() > 1 {
        return Err(format!(
            "a step has one kind, this one has {}",
            kinds.join(" and ")
        ));
    }
    let Some(action) = action else {
        return Err(format!("a step needs a kind: {KINDS}"));
    };
    let execs = matches!(action, Action::Exec(_));
    if !execs && exec_only {
        return Err(
            "`env`, `cwd`, `exit_codes`, `retry_on`, `fatal_on`, `stdin` and `persistent` apply only to exec and shell steps"
                .into(),
        );
    }
    if output_field && !execs && !matches!(action, Action::Http(_)) {
        return Err("`output` applies only to exec, shell and http steps".into());
    }
    if let Some(condition) = &raw.when {
        template::check_condition(condition).map_err(|error| format!("`when`: {error}"))?;
    }
    let written = raw.name.is_some();
    let name = claim(
        raw.name.as_deref().unwrap_or_else(|| action.kind()),
        written,
    )?;
    // a typo or a missing install is caught when the worker starts, not by dead-lettering
    // the backlog; a program named by a template is only known per job
    if let Action::Exec(spec) = &action
        && !template::is_template(&spec.argv[0])
    {
        resolve_program(spec).map_err(|error| format!("step `{name}`: {error}"))?;
    }
    Ok(Step {
        name,
        timeout: raw.timeout.map(|timeout| timeout.0),
        when: raw.when,
        retry: raw.retry,
        needs: raw.needs,
        rate: raw.rate,
        action,
    })
}
