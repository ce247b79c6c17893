//! The link to the server: one shared connection (to a standalone server, or to a whole
//! cluster, split by hash slot), and the dedicated connections blocking reads and pub/sub need.

use redis::aio::{ConnectionLike, ConnectionManager, MultiplexedConnection, PubSub};
use redis::cluster::ClusterClient;
use redis::cluster_async::ClusterConnection;
use redis::cluster_routing::{
    MultipleNodeRoutingInfo, ResponsePolicy, Route, RoutingInfo, SingleNodeRoutingInfo, SlotAddr,
};
use redis::{AsyncConnectionConfig, Client, Cmd, Pipeline, RedisFuture, RedisResult, Value};
use std::time::Duration;

/// A connection every part of the backend shares, whatever the server.
#[derive(Clone)]
pub enum Connection {
    /// The shared connection to a standalone server: reconnects by itself.
    Managed(ConnectionManager),
    /// A connection of its own to a standalone server (blocking reads).
    Plain(MultiplexedConnection),
    /// The cluster: one connection per node, commands routed by slot, MOVED and ASK followed.
    Cluster(ClusterConnection),
}

impl ConnectionLike for Connection {
    fn req_packed_command<'a>(&'a mut self, command: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Connection::Managed(connection) => connection.req_packed_command(command),
            Connection::Plain(connection) => connection.req_packed_command(command),
            Connection::Cluster(connection) => connection.req_packed_command(command),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Connection::Managed(connection) => {
                connection.req_packed_commands(pipeline, offset, count)
            }
            Connection::Plain(connection) => {
                connection.req_packed_commands(pipeline, offset, count)
            }
            Connection::Cluster(connection) => {
                if pipeline.is_transaction() {
                    connection.req_packed_commands(pipeline, offset, count)
                } else {
                    Box::pin(split_by_slot(connection, pipeline))
                }
            }
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Connection::Managed(connection) => connection.get_db(),
            Connection::Plain(connection) => connection.get_db(),
            Connection::Cluster(_) => 0,
        }
    }
}

/// The key that places a command in a cluster: the first key of EVAL/EVALSHA/FCALL, the first
/// stream of XREAD, the first argument of any other command that names keys; none for
/// PUBLISH and server commands (they go to any node).
fn key_of(command: &Cmd) -> Option<Vec<u8>> {
    let arguments: Vec<&[u8]> = command
        .args_iter()
        .filter_map(|argument| match argument {
            redis::Arg::Simple(bytes) => Some(bytes),
            _ => None,
        })
        .collect();
    let name = arguments.first()?.to_ascii_uppercase();
    let key = match name.as_slice() {
        b"EVAL" | b"EVALSHA" | b"EVAL_RO" | b"EVALSHA_RO" | b"FCALL" | b"FCALL_RO" => {
            let count: usize = std::str::from_utf8(arguments.get(2)?).ok()?.parse().ok()?;
            if count == 0 {
                return None;
            }
            arguments.get(3)?
        }
        b"XREAD" | b"XREADGROUP" => {
            let at = arguments
                .iter()
                .position(|argument| argument.eq_ignore_ascii_case(b"STREAMS"))?;
            arguments.get(at + 1)?
        }
        b"PUBLISH" | b"INFO" | b"PING" | b"TIME" | b"SCRIPT" | b"CONFIG" | b"SCAN" | b"CLUSTER"
        | b"DBSIZE" | b"FLUSHALL" | b"FLUSHDB" | b"CLIENT" | b"COMMAND" | b"SLOWLOG"
        | b"MEMORY" => return None,
        _ => arguments.get(1)?,
    };
    Some(key.to_vec())
}

/// Where a key lives in a cluster.
fn route_to(key: &[u8]) -> SingleNodeRoutingInfo {
    SingleNodeRoutingInfo::SpecificNode(Route::with_key(key, SlotAddr::Master))
}

/// Sends a pipeline to a cluster as one sub-pipeline per hash slot, all at once, and puts the
/// replies back in the pipeline's order. A queue's calls share its slot, so the hot path stays
/// one round trip; a pipeline that also names fleet-wide keys (the queue registry, the worker
/// index) costs one more in parallel instead of a CROSSSLOT error.
async fn split_by_slot(
    connection: &mut ClusterConnection,
    pipeline: &Pipeline,
) -> RedisResult<Vec<Value>> {
    let commands: Vec<&Cmd> = pipeline.cmd_iter().collect();
    let slots: Vec<Option<(u16, Vec<u8>)>> = commands
        .iter()
        .map(|command| key_of(command).map(|key| (slot_number(&key), key)))
        .collect();
    let slot_of = |index: usize| slots[index].as_ref().map(|(slot, _)| *slot);
    if let Some(Some((first, key))) = slots.first()
        && (1..commands.len()).all(|index| slot_of(index) == Some(*first))
    {
        if commands.len() == 1 {
            return Ok(vec![single_reply(
                connection
                    .route_command(commands[0].clone(), RoutingInfo::SingleNode(route_to(key)))
                    .await,
            )?]);
        }
        let replies = connection
            .route_pipeline(pipeline.clone(), 0, commands.len(), route_to(key))
            .await;
        return one_by_one_after_ask(connection, &commands, key, replies).await;
    }
    let mut groups: Vec<(u16, Vec<usize>)> = Vec::new();
    let mut loose: Vec<usize> = Vec::new();
    for index in 0..commands.len() {
        match slot_of(index) {
            Some(slot) => match groups.iter_mut().find(|(existing, _)| *existing == slot) {
                Some((_, members)) => members.push(index),
                None => groups.push((slot, vec![index])),
            },
            None => loose.push(index),
        }
    }
    let grouped = groups.iter().map(|(_, members)| {
        let mut part = redis::pipe();
        for &index in members {
            part.add_command(commands[index].clone());
        }
        let key = slots[members[0]]
            .as_ref()
            .map(|(_, key)| key.clone())
            .unwrap_or_default();
        let mut connection = connection.clone();
        let count = members.len();
        let group: Vec<&Cmd> = members.iter().map(|&index| commands[index]).collect();
        async move {
            let replies = connection
                .route_pipeline(part, 0, count, route_to(&key))
                .await;
            one_by_one_after_ask(&mut connection, &group, &key, replies).await
        }
    });
    let singles = loose.iter().map(|&index| {
        let command = commands[index].clone();
        let mut connection = connection.clone();
        async move {
            let routing = RoutingInfo::SingleNode(SingleNodeRoutingInfo::Random);
            single_reply(connection.route_command(command, routing).await)
        }
    });
    let (grouped, singles) = futures_util::future::join(
        futures_util::future::join_all(grouped),
        futures_util::future::join_all(singles),
    )
    .await;
    let mut values: Vec<Option<Value>> = vec![None; commands.len()];
    for ((_, members), replies) in groups.iter().zip(grouped) {
        for (&index, value) in members.iter().zip(replies?) {
            values[index] = Some(value);
        }
    }
    for (&index, value) in loose.iter().zip(singles) {
        values[index] = Some(value?);
    }
    Ok(values
        .into_iter()
        .map(|value| value.unwrap_or(Value::Nil))
        .collect())
}

/// redis-rs follows ASK (a slot being migrated) for a lone command but not inside a pipeline,
/// where it fails the whole pipeline instead: then each command is sent on its own, in order.
/// None of them ran: during a migration fleetq's scripts refuse to start, and the plain
/// commands fleetq pipelines are reads or idempotent writes.
async fn one_by_one_after_ask(
    connection: &mut ClusterConnection,
    commands: &[&Cmd],
    key: &[u8],
    replies: RedisResult<Vec<Value>>,
) -> RedisResult<Vec<Value>> {
    match replies {
        Err(error) if error.code() == Some("ASK") => {
            let mut values = Vec::with_capacity(commands.len());
            for command in commands {
                let routing = RoutingInfo::SingleNode(route_to(key));
                values.push(single_reply(
                    connection.route_command((*command).clone(), routing).await,
                )?);
            }
            Ok(values)
        }
        other => other,
    }
}

/// A lone command's result as a pipeline reply: an error reply stays a reply, as it would
/// inside a pipeline, and only a failure to get any answer is an error.
fn single_reply(result: RedisResult<Value>) -> RedisResult<Value> {
    match result {
        Ok(value) => Ok(value),
        Err(error) => match redis::ServerError::try_from(error) {
            Ok(server) => Ok(Value::ServerError(server)),
            Err(error) => Err(error),
        },
    }
}

/// The cluster slot of a key (CRC16 of its hash tag, or of the whole key).
fn slot_number(key: &[u8]) -> u16 {
    let tagged = key
        .iter()
        .position(|byte| *byte == b'{')
        .and_then(|open| {
            let rest = &key[open + 1..];
            let close = rest.iter().position(|byte| *byte == b'}')?;
            (close > 0).then(|| &rest[..close])
        })
        .unwrap_or(key);
    crc16_xmodem(tagged) % 16384
}

/// CRC16/XMODEM, the checksum Redis Cluster hashes keys with.
fn crc16_xmodem(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for byte in bytes {
        crc ^= (*byte as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// How to open more connections to the same server or cluster.
#[derive(Clone)]
pub enum Opener {
    Single(Box<Client>),
    /// The cluster's client, and a client per seed node for pub/sub (a PUBLISH reaches every
    /// node of a cluster, so any live one will do).
    Cluster {
        client: Box<ClusterClient>,
        seeds: Vec<Client>,
    },
}

/// The server this backend talks to now; with Sentinel, a failover swaps it.
#[derive(Clone)]
pub struct Link {
    pub connection: Connection,
    pub opener: Opener,
}

impl Link {
    pub fn is_cluster(&self) -> bool {
        self.opener.is_cluster()
    }
}

/// What `pick` takes from the link in use. A poisoned lock still holds working handles (a
/// panic elsewhere cannot have left half a link), so they are used as they are.
pub fn read<T>(link: &std::sync::RwLock<Link>, pick: impl FnOnce(&Link) -> T) -> T {
    match link.read() {
        Ok(link) => pick(&link),
        Err(poisoned) => pick(&poisoned.into_inner()),
    }
}

impl Opener {
    pub fn is_cluster(&self) -> bool {
        matches!(self, Opener::Cluster { .. })
    }

    /// A connection of its own for blocking commands (BZPOPMIN, XREAD BLOCK): they would
    /// stall every call queued behind them on the shared one.
    pub async fn dedicated(
        &self,
        connect_timeout: Duration,
        response_timeout: Option<Duration>,
    ) -> RedisResult<Connection> {
        match self {
            Opener::Single(client) => {
                let config = AsyncConnectionConfig::new()
                    .set_connection_timeout(Some(connect_timeout))
                    .set_response_timeout(response_timeout);
                client
                    .get_multiplexed_async_connection_with_config(&config)
                    .await
                    .map(Connection::Plain)
            }
            Opener::Cluster { client, .. } => {
                let mut config =
                    redis::cluster::ClusterConfig::new().set_connection_timeout(connect_timeout);
                if let Some(timeout) = response_timeout {
                    config = config.set_response_timeout(timeout);
                }
                client
                    .get_async_connection_with_config(config)
                    .await
                    .map(Connection::Cluster)
            }
        }
    }

    /// A pub/sub connection: to the server, or to the first seed node of a cluster that answers.
    pub async fn pubsub(&self) -> RedisResult<PubSub> {
        match self {
            Opener::Single(client) => client.get_async_pubsub().await,
            Opener::Cluster { seeds, .. } => {
                let mut last = None;
                for seed in seeds {
                    match seed.get_async_pubsub().await {
                        Ok(pubsub) => return Ok(pubsub),
                        Err(error) => last = Some(error),
                    }
                }
                Err(last.unwrap_or_else(|| {
                    redis::RedisError::from((redis::ErrorKind::InvalidClientConfig, "no nodes"))
                }))
            }
        }
    }
}

/// Runs a server-wide command (INFO) on the server, or on every master of a cluster, and
/// returns each node's text reply.
pub async fn on_every_master(
    connection: &mut Connection,
    command: Cmd,
) -> RedisResult<Vec<String>> {
    match connection {
        Connection::Cluster(cluster) => {
            let reply = cluster
                .route_command(
                    command,
                    RoutingInfo::MultiNode((
                        MultipleNodeRoutingInfo::AllMasters,
                        Some(ResponsePolicy::Special),
                    )),
                )
                .await?;
            let pairs: Vec<(String, String)> = redis::from_redis_value(reply)?;
            Ok(pairs.into_iter().map(|(_, text)| text).collect())
        }
        other => {
            let text: String = command.query_async(other).await?;
            Ok(vec![text])
        }
    }
}

/// Runs a command on the node that holds `key`'s slot (SCAN of one queue's keys); on a
/// standalone server, just runs it.
pub async fn on_node_of<T: redis::FromRedisValue>(
    connection: &mut Connection,
    key: &str,
    command: Cmd,
) -> RedisResult<T> {
    match connection {
        Connection::Cluster(cluster) => {
            let value = cluster
                .route_command(command, RoutingInfo::SingleNode(route_to(key.as_bytes())))
                .await?;
            Ok(redis::from_redis_value(value)?)
        }
        other => command.query_async(other).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hash_to_the_slots_redis_gives_them() {
        // CLUSTER KEYSLOT answers: foo 12182, {user1000}.following 3443, 123456789 -> 12739
        assert_eq!(slot_number(b"foo"), 12182);
        assert_eq!(slot_number(b"{user1000}.following"), 3443);
        assert_eq!(crc16_xmodem(b"123456789"), 0x31c3);
        assert_eq!(slot_number(b"fleetq:{emails}:meta"), slot_number(b"emails"));
        assert_eq!(slot_number(b"a{}b"), slot_number(b"a{}b"));
    }

    #[test]
    fn commands_are_placed_by_their_first_key() {
        let script = redis::cmd("EVALSHA")
            .arg("abc")
            .arg(2)
            .arg("k1")
            .arg("k2")
            .clone();
        assert_eq!(key_of(&script), Some(b"k1".to_vec()));
        let keyless = redis::cmd("EVALSHA").arg("abc").arg(0).clone();
        assert_eq!(key_of(&keyless), None);
        let read = redis::cmd("XREAD")
            .arg("COUNT")
            .arg(5)
            .arg("STREAMS")
            .arg("s")
            .arg("0")
            .clone();
        assert_eq!(key_of(&read), Some(b"s".to_vec()));
        assert_eq!(
            key_of(&redis::cmd("PUBLISH").arg("c").arg("m").clone()),
            None
        );
        assert_eq!(
            key_of(&redis::cmd("SADD").arg("set").arg("m").clone()),
            Some(b"set".to_vec())
        );
    }
}
