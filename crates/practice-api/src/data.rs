//! Deterministic fake data for the routes: the same id always gives the same video, on every
//! machine and in every mode, whatever the server's seed (that one only drives latency/errors).

const WORDS: &[&str] = &[
    "student",
    "river",
    "garden",
    "network",
    "window",
    "planet",
    "signal",
    "harbor",
    "meadow",
    "engine",
    "lantern",
    "market",
    "orbit",
    "pencil",
    "ladder",
    "canyon",
    "violin",
    "puzzle",
    "forest",
    "rocket",
    "island",
    "mirror",
    "thunder",
    "castle",
    "bridge",
    "shadow",
    "compass",
    "feather",
    "glacier",
    "honey",
    "jungle",
    "kettle",
    "lemon",
    "marble",
    "needle",
    "ocean",
    "pepper",
    "quartz",
    "ribbon",
    "saddle",
    "tunnel",
    "velvet",
    "walnut",
    "yellow",
    "zipper",
    "anchor",
    "basket",
    "candle",
    "dragon",
    "ember",
    "falcon",
    "ginger",
    "helmet",
    "igloo",
    "jacket",
    "koala",
    "lobster",
    "magnet",
    "nutmeg",
    "oyster",
    "parrot",
    "quiver",
    "rabbit",
    "salmon",
    "tiger",
    "umbrella",
    "valley",
    "wizard",
    "yogurt",
    "zebra",
    "acorn",
    "blossom",
    "cactus",
    "dolphin",
    "eclipse",
    "fossil",
    "galaxy",
    "hammock",
    "iceberg",
    "jigsaw",
    "kayak",
    "lagoon",
    "mango",
    "nebula",
    "origami",
    "pebble",
    "quasar",
    "raccoon",
    "sparrow",
    "teapot",
    "unicorn",
    "volcano",
    "waffle",
    "xylophone",
    "yarn",
    "zephyr",
    "almond",
    "biscuit",
    "cobalt",
    "domino",
    "elm",
    "fjord",
    "gazelle",
    "harp",
    "indigo",
    "jasmine",
    "kiwi",
    "lilac",
];

const VERBS: &[&str] = &["explains", "builds", "explores", "fixes", "measures", "draws", "tests", "races", "teaches", "visits"];
const ADJECTIVES: &[&str] = &["quick", "quiet", "bright", "tiny", "giant", "curious", "patient", "lazy", "clever", "brave"];

/// SplitMix64: a tiny, well-mixed generator; enough for fake data and latency draws.
#[derive(Clone, Debug)]
pub struct Mix(pub u64);

impl Mix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn seed_of(text: &str) -> u64 {
    // FNV-1a: stable across platforms and versions.
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The first `n` video ids: distinct words, then words with a number once they run out.
pub fn video_ids(n: usize) -> Vec<String> {
    (0..n).map(|i| if i < WORDS.len() { WORDS[i].to_string() } else { format!("{}{}", WORDS[i % WORDS.len()], i / WORDS.len()) }).collect()
}

pub fn is_video_id(id: &str) -> bool {
    let base = id.trim_end_matches(|c: char| c.is_ascii_digit());
    let suffix = &id[base.len()..];
    WORDS.contains(&base) && (suffix.is_empty() || (!suffix.starts_with('0') && suffix.len() <= 6))
}

fn sentence(rng: &mut Mix, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = match i % 3 {
            0 => rng.pick(WORDS),
            1 => rng.pick(ADJECTIVES),
            _ => rng.pick(VERBS),
        };
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|c| c.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

pub struct Video {
    pub id: String,
    pub title: String,
    pub description: String,
    pub upload_date: String,
    pub views: u64,
}

pub fn video(id: &str) -> Video {
    let mut rng = Mix(seed_of(id));
    let n = 4 + rng.below(4);
    let title = sentence(&mut rng, n);
    let (a, b) = (3 + rng.below(3), 3 + rng.below(3));
    let description = format!("{} {}", sentence(&mut rng, a), sentence(&mut rng, b));
    let upload_date = format!("{}-{:02}-{:02}", 2012 + rng.below(13), 1 + rng.below(12), 1 + rng.below(28));
    let views = rng.next_u64() % 2_000_000;
    Video { id: id.to_string(), title, description, upload_date, views }
}

pub struct Post {
    pub title: String,
    pub author: String,
    pub score: u64,
    pub num_comments: u64,
    pub url: String,
}

pub fn posts(topic: &str, limit: usize) -> Vec<Post> {
    let mut rng = Mix(seed_of(topic) ^ 0x5eed);
    let mut posts: Vec<Post> = (0..limit)
        .map(|i| Post {
            title: {
                let n = 5 + rng.below(6);
                sentence(&mut rng, n)
            },
            author: format!("{}_{}", rng.pick(ADJECTIVES), rng.pick(WORDS)),
            score: rng.next_u64() % 5000,
            num_comments: rng.next_u64() % 400,
            url: format!("https://example.org/{topic}/{i}"),
        })
        .collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.score));
    posts
}

/// A small kitten drawn as SVG: fur, eye and background colours follow `n`.
pub fn kitten_svg(n: u64) -> String {
    let mut rng = Mix(n.wrapping_mul(0x9E37_79B9) ^ 0xC47);
    let fur = ["#f4a259", "#8d99ae", "#2b2d42", "#e9c46a", "#d4a373", "#ffffff", "#b5838d"][rng.below(7)];
    let eyes = ["#2a9d8f", "#e9c46a", "#3a86ff", "#80b918"][rng.below(4)];
    let bg = ["#fde2e4", "#e2ece9", "#dfe7fd", "#fff1e6"][rng.below(4)];
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><title>kitten {n}</title><rect width="120" height="120" fill="{bg}"/><path d="M25 55 L30 18 L52 40 Z M95 55 L90 18 L68 40 Z" fill="{fur}" stroke="#333" stroke-width="2"/><ellipse cx="60" cy="68" rx="40" ry="34" fill="{fur}" stroke="#333" stroke-width="2"/><ellipse cx="45" cy="62" rx="6" ry="8" fill="{eyes}"/><ellipse cx="75" cy="62" rx="6" ry="8" fill="{eyes}"/><circle cx="45" cy="62" r="2.5" fill="#111"/><circle cx="75" cy="62" r="2.5" fill="#111"/><path d="M56 76 L64 76 L60 81 Z" fill="#e07a5f"/><path d="M60 81 Q54 88 48 84 M60 81 Q66 88 72 84" stroke="#333" stroke-width="2" fill="none"/></svg>"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_deterministic_and_ids_resolve() {
        let ids = video_ids(300);
        assert_eq!(ids[0], "student");
        assert_eq!(ids.iter().collect::<std::collections::HashSet<_>>().len(), 300);
        assert!(ids.iter().all(|id| is_video_id(id)));
        assert!(!is_video_id("nonexistent") && !is_video_id("student0") && !is_video_id(""));
        assert_eq!(video("river").title, video("river").title);
        assert_ne!(video("river").title, video("garden").title);
        let p = posts("python", 5);
        assert_eq!(p.len(), 5);
        assert!(p.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(kitten_svg(3).starts_with("<svg") && kitten_svg(3) != kitten_svg(4));
    }
}
