//! Build script: link settings that depend on the machine the binary is built for and runs on.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    println!("cargo:rerun-if-changed=src/link-order.txt");
    if packed_relocations_supported() {
        // A position-independent binary carries one 24-byte record per absolute pointer in its
        // data (vtables, string tables): about 19,000 of them, 445 KB that the loader reads at
        // every start, so they stay resident in each worker. DT_RELR packs them into a 10 KB
        // bitmap, and a draining worker peaks about 0.45 MiB lower (measured with
        // /proc/PID/pagemap). glibc understands it from 2.36; an older one would refuse to
        // start the binary, hence the check.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    if links_with_rust_lld() {
        // The kernel maps code in 64 KiB runs (or whole cached folios) around each page a
        // process touches, so the ~1.5 MB of code a worker runs, scattered over 9.6 MB, kept
        // 5.2-5.7 MB of it resident. Placing the ~1,800 functions fleetq runs side by side
        // leaves 2.0-2.3 MB, and a draining worker at concurrency 100 peaks at 5.8-6.2 MiB
        // instead of 9.3-10.0. Names the build lacks are skipped: a stale list costs memory,
        // not correctness (.ci/link-order regenerates it).
        let order = format!("{}/src/link-order.txt", env("CARGO_MANIFEST_DIR"));
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={order}");
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

fn env(name: &str) -> String {
    println!("cargo:rerun-if-env-changed={name}");
    std::env::var(name).unwrap_or_default()
}

fn native_linux_gnu() -> bool {
    let target = env("TARGET");
    target == env("HOST") && target.ends_with("-linux-gnu")
}

/// True when the binary is built for the machine building it and that machine's glibc is
/// 2.36 or newer; a cross build keeps the plain relocation table.
fn packed_relocations_supported() -> bool {
    native_linux_gnu() && glibc_version().is_some_and(|version| version >= (2, 36))
}

/// True when rustc links with its own lld, as it does for x86_64 Linux from Rust 1.90 on unless
/// a linker is configured; GNU ld has no symbol ordering and would reject the option.
fn links_with_rust_lld() -> bool {
    if env("TARGET") != "x86_64-unknown-linux-gnu" || !native_linux_gnu() {
        return false;
    }
    // cargo names a configured linker in RUSTC_LINKER; flags may choose one too
    let flags = env("CARGO_ENCODED_RUSTFLAGS");
    if !env("RUSTC_LINKER").is_empty()
        || ["linker", "fuse-ld", "link-self-contained"]
            .iter()
            .any(|flag| flags.contains(flag))
    {
        return false;
    }
    rustc_minor_version().is_some_and(|minor| minor >= 90)
}

fn rustc_minor_version() -> Option<u32> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let output = Command::new(rustc).arg("--version").output().ok()?;
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    version.split('.').nth(1)?.parse().ok()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn glibc_version() -> Option<(u32, u32)> {
    use std::ffi::CStr;
    use std::os::raw::c_char;

    unsafe extern "C" {
        fn gnu_get_libc_version() -> *const c_char;
    }
    // SAFETY: glibc returns a pointer to a static, NUL-terminated version string
    let text = unsafe { CStr::from_ptr(gnu_get_libc_version()) }
        .to_str()
        .ok()?;
    let mut parts = text.split('.').map(|part| part.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn glibc_version() -> Option<(u32, u32)> {
    None
}
