//! Timing helpers: run something many times and summarise it the way the targets are set
//! (medians, and the 99th percentile where a target is a p99).

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub runs: usize,
    pub median: Duration,
    pub p99: Duration,
    pub min: Duration,
    pub max: Duration,
}

impl Summary {
    pub fn of(mut samples: Vec<Duration>) -> Summary {
        samples.sort_unstable();
        let n = samples.len().max(1);
        let at = |q: f64| samples.get(((q * n as f64).ceil() as usize).clamp(1, n) - 1).copied().unwrap_or_default();
        Summary {
            runs: samples.len(),
            median: if samples.is_empty() {
                Duration::ZERO
            } else if n % 2 == 1 {
                samples[n / 2]
            } else {
                (samples[n / 2 - 1] + samples[n / 2]) / 2
            },
            p99: at(0.99),
            min: samples.first().copied().unwrap_or_default(),
            max: samples.last().copied().unwrap_or_default(),
        }
    }
}

/// Run `f` `warmup` times unmeasured, then `runs` times measured.
pub fn time<T>(warmup: usize, runs: usize, mut f: impl FnMut() -> T) -> Summary {
    for _ in 0..warmup {
        std::hint::black_box(f());
    }
    let samples = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    Summary::of(samples)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A duration as the report shows it: three significant figures, in ms or s.
pub fn show(d: Duration) -> String {
    let m = ms(d);
    if m >= 10_000.0 {
        format!("{:.1} s", m / 1000.0)
    } else if m >= 1000.0 {
        format!("{:.2} s", m / 1000.0)
    } else if m >= 100.0 {
        format!("{m:.0} ms")
    } else if m >= 10.0 {
        format!("{m:.1} ms")
    } else {
        format!("{m:.2} ms")
    }
}

pub fn show_bytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.0} KiB", n as f64 / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p99_by_nearest_rank() {
        let s = Summary::of((1..=100).map(Duration::from_millis).collect());
        assert_eq!((s.median, s.p99, s.min, s.max), (Duration::from_micros(50_500), Duration::from_millis(99), Duration::from_millis(1), Duration::from_millis(100)));
        let s = Summary::of(vec![Duration::from_millis(3), Duration::from_millis(1), Duration::from_millis(2)]);
        assert_eq!((s.median, s.p99), (Duration::from_millis(2), Duration::from_millis(3)));
    }
}
