//! The format-spec mini-language (`format()`, f-strings' `:spec`) as CPython implements it.

use awaitlab_syntax::literal::float_repr;
use num_bigint::BigInt;

#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

pub fn parse_spec(spec: &str) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(chars[start..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string")?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string")?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `body` (already signed) to the spec's width. `numeric` enables `=` and zero padding.
pub fn pad(body: &str, spec: &Spec, default_align: char, numeric: bool) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let (fill, align) = if spec.zero && numeric && spec.align.is_none() {
        ('0', '=')
    } else {
        (spec.fill.unwrap_or(' '), spec.align.unwrap_or(default_align))
    };
    let padding = width - len;
    let fills = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{body}{}", fills(padding)),
        '^' => format!("{}{body}{}", fills(padding / 2), fills(padding - padding / 2)),
        '=' => {
            let sign_len = body.chars().take_while(|c| matches!(c, '-' | '+' | ' ')).count();
            let prefix_len =
                if body[sign_len..].starts_with("0x") || body[sign_len..].starts_with("0b") || body[sign_len..].starts_with("0o") {
                    sign_len + 2
                } else {
                    sign_len
                };
            format!("{}{}{}", &body[..prefix_len], fills(padding), &body[prefix_len..])
        }
        _ => format!("{}{body}", fills(padding)),
    }
}

fn sign_str(negative: bool, spec: &Spec) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

pub fn format_int(v: &BigInt, spec: &Spec) -> Result<String, String> {
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f: f64 = v.to_string().parse().unwrap_or(f64::INFINITY);
        return format_float(f, spec);
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let negative = v.sign() == num_bigint::Sign::Minus;
    let mag = if negative { -v.clone() } else { v.clone() };
    let (digits, prefix) = match kind {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let c = u32::try_from(&mag).ok().and_then(char::from_u32).ok_or("%c arg not in range(0x110000)")?;
            return Ok(pad(&c.to_string(), spec, '<', false));
        }
        k => return Err(format!("Unknown format code '{k}' for object of type 'int'")),
    };
    let digits = match spec.grouping {
        Some(sep) => group(&digits, sep, if kind == 'd' { 3 } else { 4 }),
        None => digits,
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let body = format!("{}{}{}", sign_str(negative, spec), prefix, digits);
    Ok(pad(&body, spec, '>', true))
}

pub fn format_float(f: f64, spec: &Spec) -> Result<String, String> {
    let negative = f.is_sign_negative();
    let a = f.abs();
    let kind = spec.kind;
    let mut body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match kind {
            Some('f') | Some('F') => format!("{:.*}", spec.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
            Some('e') | Some('E') => exp_format(a, spec.precision.unwrap_or(6)),
            Some('g') | Some('G') => general_format(a, spec.precision.unwrap_or(6), spec.alternate),
            None => match spec.precision {
                Some(p) => {
                    let g = general_format(a, p.max(1), spec.alternate);
                    if g.contains(['.', 'e', 'n', 'i']) {
                        g
                    } else {
                        format!("{g}.0")
                    }
                }
                None => float_repr(a),
            },
            Some('n') => general_format(a, spec.precision.unwrap_or(6), false),
            Some(k) => return Err(format!("Unknown format code '{k}' for object of type 'float'")),
        }
    };
    if matches!(kind, Some('E') | Some('G') | Some('F')) {
        body = body.to_uppercase();
    }
    if let Some(sep) = spec.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => body.split_at(i),
            None => (body.as_str(), ""),
        };
        body = format!("{}{}", group(int_part, sep, 3), rest);
    }
    let body = format!("{}{}", sign_str(negative && !f.is_nan(), spec), body);
    Ok(pad(&body, spec, '>', true))
}

fn exp_format(a: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, a);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn general_format(a: f64, precision: usize, alternate: bool) -> String {
    let p = precision.max(1);
    if a == 0.0 {
        return if alternate { format!("0.{}", "0".repeat(p - 1)) } else { "0".into() };
    }
    let exp = {
        let s = format!("{:.*e}", p - 1, a);
        s.split_once('e').unwrap().1.parse::<i32>().unwrap()
    };
    let s = if exp < -4 || exp >= p as i32 {
        let s = exp_format(a, p - 1);
        if alternate {
            s
        } else {
            let (m, e) = s.split_once('e').unwrap();
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            format!("{m}e{e}")
        }
    } else {
        let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
        if alternate || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    s
}

pub fn format_str(s: &str, spec: &Spec) -> Result<String, String> {
    if let Some(k) = spec.kind {
        if k != 's' {
            return Err(format!("Unknown format code '{k}' for object of type 'str'"));
        }
    }
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let truncated: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&truncated, spec, '<', false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::approx_constant)] // 3.14159 is the number being formatted, not pi
    fn specs() {
        let f = |v: f64, s: &str| format_float(v, &parse_spec(s).unwrap()).unwrap();
        assert_eq!(f(3.14159, ".2f"), "3.14");
        assert_eq!(f(3.14159, "8.3f"), "   3.142");
        assert_eq!(f(1234567.0, ",.1f"), "1,234,567.0");
        assert_eq!(f(0.5, ".1%"), "50.0%");
        assert_eq!(f(12345.678, ".3g"), "1.23e+04");
        assert_eq!(f(1.5, ""), "1.5");
        assert_eq!(f(2.0, ".3"), "2.0");
        let i = |v: i64, s: &str| format_int(&BigInt::from(v), &parse_spec(s).unwrap()).unwrap();
        assert_eq!(i(42, "05d"), "00042");
        assert_eq!(i(-42, "05d"), "-0042");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(7, "^5"), "  7  ");
        assert_eq!(format_str("ab", &parse_spec(">4").unwrap()).unwrap(), "  ab");
    }
}
