using Training.Core.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// The one way to write many rows fast: prepared INSERT / UPDATE statements built from the EF
/// model (<see cref="BulkTable"/>), parameters set again for every row, inside the caller's
/// transaction, nothing tracked. EF's tracked inserts took 25 s and 500 MB for a Guangzhou
/// roster and minutes for a nation-wide snapshot; this writes the same rows in about a second.
/// <list type="bullet">
/// <item>Rows whose key the database generates: one row per statement, the new id read back
/// (RETURNING / OUTPUT INSERTED) and set on the entity, so rows written later can point at it.</item>
/// <item>Rows that carry their keys (composite keys, or ids the caller hands out): on SQL Server
/// up to 100 rows per statement (under its 2,100 parameters); on SQLite one, as it binds
/// parameters by name with a linear search and a long statement costs more than it saves.</item>
/// </list>
/// Commands are prepared once per table and kept until the writer is disposed.
/// </summary>
public sealed class BulkWriter(DbContext db, DbTransaction transaction) : IAsyncDisposable
{
    private const int SqlServerParameters = 2_000, SqlServerRows = 100;

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly bool _sqlite = db.Database.IsSqlite();
    private readonly Dictionary<(Type, string?, bool, int), (BulkTable Table, DbCommand Command)> _inserts = [];
    private DbTransaction _transaction = transaction;
    /// <summary>The entity types written, whose stamps are raised when the writer is disposed.</summary>
    private readonly HashSet<Type> _written = [];

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The transaction later statements run in (a long writer commits in steps to bound memory).</summary>
    public DbTransaction Transaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            foreach (var (_, command) in _inserts.Values) command.Transaction = value;
        }
    }

    /// <summary>The table the writer maps <paramref name="type"/> to.</summary>
    public BulkTable TableOf(Type type, bool keysGiven = false) => InsertFor(type, null, keysGiven, 1).Table;

    /// <summary>Inserts the rows; a key the database generates is read back and set on each entity.
    /// <paramref name="owner"/> gives a foreign key the entity has no navigation for (its owner's collection holds it).</summary>
    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct, (string Property, Func<T, object> Value)? owner = null)
        where T : class
    {
        if (rows.Count == 0) return;
        var table = InsertFor(typeof(T), owner?.Property, false, 1).Table;
        if (table.GeneratedKey is not null)
        {
            var command = InsertFor(typeof(T), owner?.Property, false, 1).Command;
            foreach (var row in rows)
            {
                Bind(command, table, row, owner is { } o ? o.Value(row) : null, 0);
                var id = command.ExecuteScalar(); // synchronous: SQLite's async is the sync call behind a task, per row
                table.SetKey(row, id!);
                Rows++;
                ct.ThrowIfCancellationRequested();
            }
            return;
        }
        var perStatement = _sqlite ? 1 : Math.Clamp(SqlServerParameters / table.Columns.Count, 1, SqlServerRows);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var command = InsertFor(typeof(T), owner?.Property, false, chunk.Length).Command;
            for (var r = 0; r < chunk.Length; r++)
                Bind(command, table, chunk[r], owner is { } o ? o.Value(chunk[r]) : null, r * table.Columns.Count);
            await command.ExecuteNonQueryAsync(ct);
            Rows += chunk.Length;
        }
    }

    /// <summary>Inserts one row that carries its own key (the caller hands out ids), synchronously: for writers that walk an object graph.</summary>
    public void InsertWithKey(object row, object? owner = null, string? ownerProperty = null)
    {
        var (table, command) = InsertFor(row.GetType(), ownerProperty, true, 1);
        Bind(command, table, row, owner, 0);
        command.ExecuteNonQuery();
        Rows++;
    }

    /// <summary>Writes every column of the rows (by key) as the entities now hold them.</summary>
    public async Task UpdateAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var table = BulkTable.Of(db, typeof(T));
        _written.Add(typeof(T));
        var key = table.GeneratedKey ?? throw new InvalidOperationException($"{typeof(T).Name}: updates go by a generated single-column key.");
        var set = string.Join(", ", table.Columns.Select((c, i) => $"{_sql.DelimitIdentifier(c.Name)} = {Parameter(i)}"));
        await using var command = Command($"UPDATE {TableName(table)} SET {set} WHERE {_sql.DelimitIdentifier(key.GetColumnName())} = @key", table, 1);
        command.Parameters.Add(key.GetRelationalTypeMapping().CreateParameter(command, "@key", null, nullable: false));
        if (_sqlite) await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            Bind(command, table, row, null, 0);
            command.Parameters["@key"].Value = table.KeyOf(row);
            command.ExecuteNonQuery();
            Rows++;
            ct.ThrowIfCancellationRequested();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, command) in _inserts.Values) await command.DisposeAsync();
        _inserts.Clear();
        // What SaveChanges would have stamped: figures kept in memory over these records are computed again.
        var subjects = _written.Where(DataStamps.Tracks).SelectMany(t => DataFacets.OfKind(t).Prepend(DataStamps.SubjectOf(t))).ToList();
        _written.Clear();
        if (subjects.Count == 0) return;
        var open = _transaction.Connection is not null;
        await DataStamps.RaiseAsync(db, open ? _transaction.Connection! : db.Database.GetDbConnection(), open ? _transaction : null, subjects, CancellationToken.None);
    }

    private (BulkTable Table, DbCommand Command) InsertFor(Type type, string? ownerProperty, bool keysGiven, int rows)
    {
        _written.Add(type);
        if (_inserts.TryGetValue((type, ownerProperty, keysGiven, rows), out var prepared)) return prepared;
        var table = BulkTable.Of(db, type, ownerProperty, keysGiven);
        var columns = string.Join(", ", table.Columns.Select(c => _sql.DelimitIdentifier(c.Name)));
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", table.Columns.Select((_, i) => Parameter(r * table.Columns.Count + i))) + ")"));
        var text = table.GeneratedKey is { } key
            ? _sqlite
                ? $"INSERT INTO {TableName(table)} ({columns}) VALUES {values} RETURNING {_sql.DelimitIdentifier(key.GetColumnName())}"
                : $"INSERT INTO {TableName(table)} ({columns}) OUTPUT INSERTED.{_sql.DelimitIdentifier(key.GetColumnName())} VALUES {values}"
            : $"INSERT INTO {TableName(table)} ({columns}) VALUES {values}";
        var command = Command(text, table, rows);
        // SqlClient would want a size for every variable-length parameter before preparing; SQLite gains most from it.
        if (_sqlite) command.Prepare();
        prepared = (table, command);
        _inserts.Add((type, ownerProperty, keysGiven, rows), prepared);
        return prepared;
    }

    private DbCommand Command(string text, BulkTable table, int rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = text;
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < table.Columns.Count; i++)
                command.Parameters.Add(table.Columns[i].Mapping.CreateParameter(command, Parameter(r * table.Columns.Count + i), null, nullable: true));
        return command;
    }

    private static void Bind(DbCommand command, BulkTable table, object row, object? owner, int offset)
    {
        for (var i = 0; i < table.Columns.Count; i++)
            command.Parameters[offset + i].Value = table.Value(i, row, owner);
    }

    private string TableName(BulkTable table) => _sql.DelimitIdentifier(table.Name, table.Schema);

    private static string Parameter(int i) => "@p" + i.ToString(CultureInfo.InvariantCulture);
}
