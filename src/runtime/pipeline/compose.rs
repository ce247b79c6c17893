//! The combinators: a list in order, a dependency graph (`needs:`) or `parallel:` branches,
//! `route:` by a rendered value, and `foreach:` over an array with bounded parallelism.

use super::run::{Run, Scope, StepFailure, template_failure};
use super::spec::{Case, Step};
use super::template;
use futures_util::stream::{FuturesUnordered, StreamExt};
use serde_json::{Map, Value, json};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

impl Run<'_> {
    /// The job's own list: like `run_list`, without building an output for the list itself
    /// (each step's output is kept under its name already).
    pub async fn run_top(&self, steps: &[Step]) -> Result<(), StepFailure> {
        let scope = Scope::default();
        if steps.iter().any(|step| !step.needs.is_empty()) {
            return self.run_graph(steps, &scope, true).await.map(|_| ());
        }
        for step in steps {
            self.step(step, &scope).await?;
        }
        Ok(())
    }

    /// A list of steps: in order, or as a graph once any of them `needs:` another. The output
    /// maps each step's name to its output.
    pub async fn run_list(
        &self,
        steps: &[Step],
        scope: &Scope,
        fail_fast: bool,
    ) -> Result<Value, StepFailure> {
        if steps.iter().any(|step| !step.needs.is_empty()) {
            return self.run_graph(steps, scope, fail_fast).await;
        }
        let mut outputs = Map::new();
        for step in steps {
            let output = self.step(step, scope).await?;
            outputs.insert(step.name.clone(), output);
        }
        Ok(Value::Object(outputs))
    }

    /// Steps start as soon as what they need is done (at once when they need nothing). With
    /// `fail_fast`, the first failure stops the rest; without, independent branches finish
    /// and steps that needed a failed one never start.
    pub async fn run_graph(
        &self,
        steps: &[Step],
        scope: &Scope,
        fail_fast: bool,
    ) -> Result<Value, StepFailure> {
        let mut done: HashSet<&str> = HashSet::new();
        let mut started: HashSet<&str> = HashSet::new();
        let mut results: Vec<(&str, Value)> = Vec::new();
        let mut failures: Vec<StepFailure> = Vec::new();
        let mut running = FuturesUnordered::new();
        loop {
            if failures.is_empty() || !fail_fast {
                for step in steps {
                    let ready = !started.contains(step.name.as_str())
                        && step.needs.iter().all(|need| done.contains(need.as_str()));
                    if ready {
                        started.insert(step.name.as_str());
                        running.push(async move { (step, self.step(step, scope).await) });
                    }
                }
            }
            let Some((step, result)) = running.next().await else {
                break;
            };
            match result {
                Ok(output) => {
                    done.insert(step.name.as_str());
                    results.push((step.name.as_str(), output));
                }
                // dropping the other branches kills their processes
                Err(failure) if fail_fast => return Err(failure),
                Err(failure) => failures.push(failure),
            }
        }
        if let Some(mut first) = failures.first().cloned() {
            if failures.len() > 1 {
                first.error = format!("{} (and {} more failed)", first.error, failures.len() - 1);
            }
            first.fatal = failures.iter().all(|failure| failure.fatal);
            return Err(first);
        }
        // in the order the steps are written, whatever order they finished in
        let outputs: Map<String, Value> = steps
            .iter()
            .filter_map(|step| {
                let (_, output) = results.iter().find(|(name, _)| *name == step.name)?;
                Some((step.name.clone(), output.clone()))
            })
            .collect();
        Ok(Value::Object(outputs))
    }

    /// The case whose value equals the rendered `on:`, else the default; the output says which
    /// ran. With no match and no default, nothing runs.
    pub async fn run_route(
        &self,
        route: &Step,
        on: &str,
        cases: &[Case],
        default: Option<&Step>,
        scope: &Scope,
    ) -> Result<Value, StepFailure> {
        let value = template::render(on, &self.templates(scope))
            .map_err(|error| template_failure(route, "route.on", error))?;
        let chosen = cases
            .iter()
            .find(|case| case.value == value.trim())
            .map(|case| (Value::String(case.value.clone()), &case.step))
            .or_else(|| default.map(|step| (Value::String("default".into()), step)));
        match chosen {
            Some((case, step)) => {
                let output = self.step(step, scope).await?;
                Ok(json!({ "case": case, "value": value, "output": output }))
            }
            None => Ok(json!({ "case": null, "value": value, "output": null })),
        }
    }

    /// The body once per element of `items`, at most `max_parallel` at a time; the outputs
    /// come back in the elements' order. The first failure stops the rest.
    pub async fn run_foreach(
        &self,
        foreach: &Step,
        items: &str,
        max_parallel: usize,
        body: &Step,
        scope: &Scope,
    ) -> Result<Value, StepFailure> {
        let elements = template::evaluate(items, &self.templates(scope))
            .map_err(|error| template_failure(foreach, "foreach.items", error))?;
        let Value::Array(elements) = elements else {
            return Err(StepFailure::fatal(format!(
                "step `{}`: `foreach.items` ({items}) is not an array",
                foreach.name
            )));
        };
        let parent = scope
            .local
            .as_ref()
            .and_then(|local| local.lock().ok().map(|map| map.clone()))
            .unwrap_or_default();
        let scopes: Vec<Scope> = elements
            .into_iter()
            .enumerate()
            .map(|(index, element)| Scope {
                local: Some(Arc::new(Mutex::new(parent.clone()))),
                item: Some((Arc::new(element), index)),
                label: format!("{}[{index}]", scope.label),
            })
            .collect();
        // boxed up front: a closure making them inside the stream trips the Send check
        let bodies: Vec<_> = scopes
            .iter()
            .map(|element| self.step(body, element))
            .collect();
        let mut running = futures_util::stream::iter(bodies).buffered(max_parallel);
        let mut outputs = Vec::with_capacity(scopes.len());
        while let Some(result) = running.next().await {
            // returning drops the elements still running, which kills their processes
            outputs.push(result?);
        }
        Ok(Value::Array(outputs))
    }
}
