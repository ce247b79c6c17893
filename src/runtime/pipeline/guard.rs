//! Steps die with their worker. A step runs in its own process group so a timeout can kill
//! everything it started; if the worker itself is SIGKILLed, nobody would. So the first exec
//! step forks a small guard process that holds the read end of a pipe from the worker and
//! knows every running step's process group. When the worker dies, the kernel closes the
//! pipe, and the guard kills those groups, grandchildren included. The step's own process also
//! gets PR_SET_PDEATHSIG, which covers the moment between its start and its registration.

use std::io::Write;
use std::os::fd::FromRawFd;
use std::sync::{Mutex, OnceLock};

/// Most step groups the guard tracks at once; the list is allocated before the fork, since
/// the child of a threaded process must not allocate.
const CAPACITY: usize = 65_536;

static GUARD: OnceLock<Option<Mutex<std::fs::File>>> = OnceLock::new();

fn guard() -> Option<&'static Mutex<std::fs::File>> {
    GUARD
        .get_or_init(|| match start() {
            Ok(pipe) => Some(Mutex::new(pipe)),
            Err(error) => {
                tracing::warn!(%error, "could not start the step guard; steps may outlive a killed worker");
                None
            }
        })
        .as_ref()
}

/// Tells the guard about a running step's process group.
pub fn watch(group: i32) {
    send(group);
}

/// Tells the guard a step's process group is gone.
pub fn forget(group: i32) {
    send(-group);
}

fn send(record: i32) {
    if let Some(pipe) = guard()
        && let Ok(mut pipe) = pipe.lock()
    {
        // a 4-byte write to a pipe is atomic, so records never interleave
        let _ = pipe.write_all(&record.to_le_bytes());
    }
}

fn start() -> std::io::Result<std::fs::File> {
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 fills the two descriptors or fails
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let groups: Vec<i32> = Vec::with_capacity(CAPACITY);
    // SAFETY: the child calls only async-signal-safe functions and never allocates (the
    // list's memory was reserved above), so forking a threaded process is sound here
    match unsafe { libc::fork() } {
        -1 => Err(std::io::Error::last_os_error()),
        0 => guard_main(fds[0], groups),
        _ => {
            // SAFETY: the read end belongs to the guard now; the write end is ours alone
            unsafe { libc::close(fds[0]) };
            Ok(unsafe { std::fs::File::from_raw_fd(fds[1]) })
        }
    }
}

/// The guard's whole life: track groups until the pipe closes, then kill them all.
fn guard_main(pipe: i32, mut groups: Vec<i32>) -> ! {
    // SAFETY: only async-signal-safe calls below
    unsafe {
        // Ctrl-C and `kill` of the worker's group must not take the guard down before it
        // has done its one job
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT] {
            libc::signal(signal, libc::SIG_IGN);
        }
        libc::setpgid(0, 0);
        // keep nothing of the worker's open (its sockets, stdout, stderr): when the worker
        // dies, whoever reads its output must see the end
        libc::dup2(pipe, 3);
        for descriptor in [0, 1, 2] {
            libc::close(descriptor);
        }
        if libc::syscall(libc::SYS_close_range, 4u32, u32::MAX, 0u32) != 0 {
            for descriptor in 4..4096 {
                libc::close(descriptor);
            }
        }
        let mut buffer = [0u8; 4096];
        let mut carried = 0usize;
        loop {
            let read = libc::read(
                3,
                buffer.as_mut_ptr().add(carried).cast(),
                buffer.len() - carried,
            );
            if read < 0 && *libc::__errno_location() == libc::EINTR {
                continue;
            }
            if read <= 0 {
                break;
            }
            let available = carried + read as usize;
            let whole = available - available % 4;
            for chunk in buffer[..whole].chunks_exact(4) {
                let record = i32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                if record > 0 {
                    if groups.len() < groups.capacity() {
                        groups.push(record);
                    }
                } else if let Some(index) = groups.iter().position(|group| *group == -record) {
                    groups.swap_remove(index);
                }
            }
            buffer.copy_within(whole..available, 0);
            carried = available - whole;
        }
        for group in &groups {
            libc::killpg(*group, libc::SIGKILL);
        }
        libc::_exit(0)
    }
}
