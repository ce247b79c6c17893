//! The process-wide `--max-jobs` allowance, shared by every pipeline's consumer. Jobs are
//! reserved before a lease call and settled after it, so concurrent consumers never overshoot.

use std::sync::Mutex;

pub struct JobBudget {
    /// None: no limit.
    state: Option<Mutex<BudgetState>>,
}

struct BudgetState {
    remaining: u64,
    /// Reserved by lease calls still in flight; they may hand some back.
    outstanding: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    Granted(u64),
    /// Nothing left now, but an in-flight lease may return some: ask again shortly.
    Wait,
    Spent,
}

impl JobBudget {
    pub fn new(max_jobs: Option<u64>) -> JobBudget {
        JobBudget {
            state: max_jobs.map(|remaining| {
                Mutex::new(BudgetState {
                    remaining,
                    outstanding: 0,
                })
            }),
        }
    }

    /// Whether `--max-jobs` set a limit.
    pub fn is_limited(&self) -> bool {
        self.state.is_some()
    }

    pub fn reserve(&self, wanted: u64) -> Reservation {
        let Some(state) = &self.state else {
            return Reservation::Granted(wanted);
        };
        let mut state = state.lock().expect("budget lock");
        let granted = state.remaining.min(wanted);
        if granted > 0 {
            state.remaining -= granted;
            state.outstanding += granted;
            Reservation::Granted(granted)
        } else if state.outstanding > 0 {
            Reservation::Wait
        } else {
            Reservation::Spent
        }
    }

    /// Closes a reservation: `used` jobs were leased, the rest go back.
    pub fn settle(&self, reserved: u64, used: u64) {
        if let Some(state) = &self.state {
            let mut state = state.lock().expect("budget lock");
            state.outstanding -= reserved;
            state.remaining += reserved.saturating_sub(used);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_never_overshoot_and_refunds_return() {
        let budget = JobBudget::new(Some(5));
        assert_eq!(budget.reserve(4), Reservation::Granted(4));
        assert_eq!(budget.reserve(4), Reservation::Granted(1));
        assert_eq!(
            budget.reserve(1),
            Reservation::Wait,
            "leases are still in flight"
        );
        budget.settle(4, 1);
        assert_eq!(budget.reserve(10), Reservation::Granted(3));
        budget.settle(1, 1);
        budget.settle(3, 3);
        assert_eq!(budget.reserve(1), Reservation::Spent);
        assert_eq!(JobBudget::new(None).reserve(7), Reservation::Granted(7));
    }
}
