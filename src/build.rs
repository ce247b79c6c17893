//! Build script: link settings that depend on the machine the binary is built for and runs on.

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    if packed_relocations_supported() {
        // A position-independent binary carries one 24-byte record per absolute pointer in its
        // data (vtables, string tables): about 19,000 of them, 445 KB that the loader reads at
        // every start, so they stay resident in each worker. DT_RELR packs them into a 10 KB
        // bitmap, and a draining worker peaks about 0.45 MiB lower (measured with
        // /proc/PID/pagemap). glibc understands it from 2.36; an older one would refuse to
        // start the binary, hence the check.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// True when the binary is built for the machine building it and that machine's glibc is
/// 2.36 or newer; a cross build keeps the plain relocation table.
fn packed_relocations_supported() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if target != host || !target.ends_with("-linux-gnu") {
        return false;
    }
    glibc_version().is_some_and(|version| version >= (2, 36))
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
