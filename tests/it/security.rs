//! TLS (a private CA and client certificates) and ACL users, against real redis-servers; and
//! secrets that never reach the output.

use crate::support::{TestEnv, TestRedis, binary, configure, free_port, run, which};
use std::path::Path;
use std::process::Command;

/// Makes a CA, a server certificate for 127.0.0.1 and a client certificate, with openssl.
fn make_certificates(directory: &Path) {
    assert!(
        which("openssl").is_some(),
        "openssl is not installed: the TLS test makes its certificates with it (apt-get install openssl; .ci/run does this)"
    );
    let script = r#"
set -e
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 1 -subj "/CN=fleetq test CA" 2>/dev/null
for name in server client; do
  openssl req -newkey rsa:2048 -nodes -keyout $name.key -out $name.csr -subj "/CN=$name" 2>/dev/null
  printf "subjectAltName=IP:127.0.0.1,DNS:localhost\n" > $name.ext
  openssl x509 -req -in $name.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $name.crt -days 1 -extfile $name.ext 2>/dev/null
done
"#;
    let status = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(directory)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "openssl could not make the test certificates"
    );
}

#[test]
fn rediss_with_a_private_ca_and_client_certificates() {
    let certificates = tempfile::tempdir().unwrap();
    make_certificates(certificates.path());
    let file = |name: &str| certificates.path().join(name).display().to_string();
    let port = free_port();
    let _redis = TestRedis::start_with(&[
        "--bind".into(),
        "127.0.0.1".into(),
        "--tls-port".into(),
        port.to_string(),
        "--tls-cert-file".into(),
        file("server.crt"),
        "--tls-key-file".into(),
        file("server.key"),
        "--tls-ca-cert-file".into(),
        file("ca.crt"),
        "--tls-auth-clients".into(),
        "yes".into(),
    ]);
    let url = format!("rediss://127.0.0.1:{port}");
    let scratch = tempfile::tempdir().unwrap();
    let fleetq = |tls: &[(&str, String)], arguments: &[&str]| {
        let mut command = Command::new(binary());
        configure(&mut command, scratch.path(), &url, "tls");
        for (name, value) in tls {
            command.env(name, value);
        }
        command.args(arguments);
        run(command)
    };
    let all = [
        ("FLEETQ_TLS_CA_FILE", file("ca.crt")),
        ("FLEETQ_TLS_CERT_FILE", file("client.crt")),
        ("FLEETQ_TLS_KEY_FILE", file("client.key")),
    ];
    let (code, _, stderr) = fleetq(&all, &["enqueue", "secure", "--data", "{}"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = fleetq(&all, &["stats", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!(r#""backend": "rediss://127.0.0.1:{port}""#)),
        "{stdout}"
    );
    assert!(stdout.contains(r#""pending": 1"#), "{stdout}");

    // no CA: the server's certificate is not trusted, and the hint says what to set
    let (code, _, stderr) = fleetq(&[], &["stats"]);
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("tls_ca_file"), "{stderr}");
    // the CA but no client certificate: the server refuses the handshake
    let (code, _, stderr) = fleetq(&all[..1], &["stats"]);
    assert_eq!(code, 5, "{stderr}");
    let key = std::fs::read_to_string(file("client.key")).unwrap();
    let secret_line = key.lines().nth(1).unwrap();
    assert!(!stderr.contains(secret_line), "key material leaked");
}

#[test]
fn acl_users_authenticate_and_wrong_passwords_are_config_errors() {
    let env = TestEnv::new();
    let mut connection = env.redis.connection();
    redis::cmd("ACL")
        .arg(&["SETUSER", "app", "on", ">s3cret-pw", "~*", "&*", "+@all"])
        .query::<()>(&mut connection)
        .unwrap();
    redis::cmd("ACL")
        .arg(&[
            "SETUSER",
            "reader",
            "on",
            ">r3ad-only",
            "~*",
            "&*",
            "+@read",
            "+ping",
            "+hello",
            "+client",
        ])
        .query::<()>(&mut connection)
        .unwrap();
    let socket = env.redis.socket.display().to_string();
    let with_user = |user: &str, password: &str, arguments: &[&str]| {
        let mut command = env.command();
        command
            .env(
                "FLEETQ_BACKEND",
                format!("redis+unix://{socket}?user={user}&pass={password}"),
            )
            .args(arguments);
        run(command)
    };
    let (code, _, stderr) = with_user("app", "s3cret-pw", &["enqueue", "acl", "--data", "{}"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = with_user("app", "wrong-pw", &["stats"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("refused the credentials")
            && stderr.contains("hint: check the user and password"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("wrong-pw"),
        "the password leaked: {stderr}"
    );
    let (code, _, stderr) = with_user("reader", "r3ad-only", &["enqueue", "acl", "--data", "{}"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("denied a command") && stderr.contains("hint: grant the ACL user"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("r3ad-only"),
        "the password leaked: {stderr}"
    );
}
