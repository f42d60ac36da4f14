using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// SQLite has one writer. When a second connection wants to write, Microsoft.Data.Sqlite retries the statement
/// with a 150 ms sleep of the request's thread between tries (it sets no busy timeout of SQLite's own); under a
/// mix of writes (heartbeats, opening lessons, approvals) a third of the writes slept 150 ms and the pool ran
/// short of threads. SQLite's own busy handler waits 1, 2, 5, 10… ms and takes the lock as soon as it is free,
/// so each connection gets <c>PRAGMA busy_timeout</c> (the connection string's Default Timeout) once, when first
/// opened: a pooled connection keeps the setting on its handle.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private readonly ConditionalWeakTable<object, object> set = new();

    private SqliteBusyWait() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Needs(connection) is not { } sqlite) return;
        using var command = Set(sqlite);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (Needs(connection) is not { } sqlite) return;
        await using var command = Set(sqlite);
        await command.ExecuteNonQueryAsync(ct);
    }

    private SqliteConnection? Needs(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && set.TryAdd(handle, this) ? sqlite : null;

    private static SqliteCommand Set(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {checked(connection.DefaultTimeout * 1000)};";
        return command;
    }
}
