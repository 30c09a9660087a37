//! How the practice server behaves, as a teacher sets it. Saved and shared as a query string
//! (`latency_ms=200&capacity=10&...`): short, readable in a URL, no serializer needed.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatencyShape {
    /// Every request takes `latency_ms`.
    Fixed,
    /// Uniform in `latency_ms ± jitter_ms`.
    Uniform,
    /// Log-normal around `latency_ms` as median: most are quick, a few are very slow.
    LongTail,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub latency: LatencyShape,
    pub latency_ms: f64,
    pub jitter_ms: f64,
    /// Requests served at once; more wait in line. 0 = unlimited.
    pub capacity: u32,
    /// How much slower the server gets as its line grows: service time is multiplied by
    /// `1 + slowdown × waiting / capacity`.
    pub slowdown: f64,
    /// At most `rate_limit` requests per `rate_window_s` seconds, beyond that `429`. 0 = none.
    pub rate_limit: u32,
    pub rate_window_s: f64,
    /// Fraction of requests answered with `500`.
    pub error_rate: f64,
    /// Seed for latency and error draws: a demo repeats exactly.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            latency: LatencyShape::Uniform,
            latency_ms: 200.0,
            jitter_ms: 50.0,
            capacity: 20,
            slowdown: 0.5,
            rate_limit: 0,
            rate_window_s: 1.0,
            error_rate: 0.0,
            seed: 1,
        }
    }
}

/// Bounds that keep any setting (or a hostile share link) harmless.
const MAX_LATENCY_MS: f64 = 60_000.0;
const MAX_CAPACITY: u32 = 10_000;

impl Settings {
    pub fn to_query(&self) -> String {
        let shape = match self.latency {
            LatencyShape::Fixed => "fixed",
            LatencyShape::Uniform => "uniform",
            LatencyShape::LongTail => "longtail",
        };
        format!(
            "latency={shape}&latency_ms={}&jitter_ms={}&capacity={}&slowdown={}&rate_limit={}&rate_window_s={}&error_rate={}&seed={}",
            self.latency_ms, self.jitter_ms, self.capacity, self.slowdown, self.rate_limit, self.rate_window_s, self.error_rate, self.seed
        )
    }

    /// The settings of a query string, and the names of those that were out of range and
    /// limited (a link's settings must say so).
    pub fn from_query_noting(q: &str) -> (Settings, Vec<String>) {
        let settings = Settings::from_query(q);
        let clamped = crate::query_pairs(q)
            .into_iter()
            .filter_map(|(k, v)| {
                let asked = v.parse::<f64>().ok()?;
                let kept = crate::query_pairs(&settings.to_query()).into_iter().find(|(key, _)| *key == k)?.1.parse::<f64>().ok()?;
                ((asked - kept).abs() > 1e-9 * asked.abs().max(1.0) || !asked.is_finite()).then_some(k)
            })
            .collect();
        (settings, clamped)
    }

    /// Reads a query string; unknown keys and unreadable values keep their defaults, and every
    /// value is clamped to a sane range.
    pub fn from_query(q: &str) -> Settings {
        let mut s = Settings::default();
        for (k, v) in crate::query_pairs(q) {
            let num = v.parse::<f64>().ok().filter(|x| x.is_finite());
            match (k.as_str(), num) {
                ("latency", _) => {
                    s.latency = match v.as_str() {
                        "fixed" => LatencyShape::Fixed,
                        "longtail" => LatencyShape::LongTail,
                        _ => LatencyShape::Uniform,
                    }
                }
                ("latency_ms", Some(x)) => s.latency_ms = x.clamp(0.0, MAX_LATENCY_MS),
                ("jitter_ms", Some(x)) => s.jitter_ms = x.clamp(0.0, MAX_LATENCY_MS),
                ("capacity", Some(x)) => s.capacity = x.clamp(0.0, MAX_CAPACITY as f64) as u32,
                ("slowdown", Some(x)) => s.slowdown = x.clamp(0.0, 10.0),
                ("rate_limit", Some(x)) => s.rate_limit = x.clamp(0.0, 1_000_000.0) as u32,
                ("rate_window_s", Some(x)) => s.rate_window_s = x.clamp(0.001, 3600.0),
                ("error_rate", Some(x)) => s.error_rate = x.clamp(0.0, 1.0),
                ("seed", Some(x)) => s.seed = x.clamp(0.0, u32::MAX as f64) as u64,
                _ => {}
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip() {
        let s = Settings {
            latency: LatencyShape::LongTail,
            latency_ms: 120.0,
            capacity: 5,
            rate_limit: 3,
            error_rate: 0.25,
            seed: 7,
            ..Default::default()
        };
        assert_eq!(Settings::from_query(&s.to_query()), s);
    }

    #[test]
    fn clamped_values_are_named() {
        let (s, clamped) = Settings::from_query_noting("latency_ms=1e9&capacity=5&error_rate=2");
        assert_eq!(s.capacity, 5);
        assert_eq!(clamped, vec!["latency_ms".to_string(), "error_rate".to_string()]);
        assert!(Settings::from_query_noting(&Settings::default().to_query()).1.is_empty());
    }

    #[test]
    fn hostile_values_are_clamped() {
        let s = Settings::from_query("latency_ms=1e300&capacity=-5&error_rate=7&rate_window_s=0&seed=NaN&junk=%ZZ");
        assert_eq!(s.latency_ms, MAX_LATENCY_MS);
        assert_eq!(s.capacity, 0);
        assert_eq!(s.error_rate, 1.0);
        assert_eq!(s.rate_window_s, 0.001);
        assert_eq!(s.seed, 1);
    }
}
