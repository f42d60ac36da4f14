using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;

namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>
/// Writes the entities a roster import built or changed, inside the caller's transaction, with
/// one prepared INSERT (or UPDATE) per table whose parameters are set again for every row:
/// EF's tracked inserts took 25 s and 500 MB for a Guangzhou roster, these take about a second.
/// Table and column names, value conversions and parameter types come from the EF model, so the
/// rows are stored exactly as EF stores them; foreign keys are taken from the navigations (the
/// principal may itself be new: its id is known once its row is written, parents before
/// children). One row per statement, also on SQL Server, so that each new id is read back
/// (RETURNING / OUTPUT INSERTED) for the rows that refer to it.
/// </summary>
internal sealed class RosterWriter(TrainingDbContext db, DbTransaction transaction)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly bool _sqlite = db.Database.IsSqlite();

    /// <summary>Inserts the rows and sets each entity's generated id. <paramref name="owner"/> gives a foreign key the entity has no navigation for (its owner's collection holds it).</summary>
    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct, (string Property, Func<T, object> Value)? owner = null)
        where T : class
    {
        if (rows.Count == 0) return;
        var table = Table.Of(db, typeof(T), owner?.Property);
        var columns = string.Join(", ", table.Columns.Select(c => _sql.DelimitIdentifier(c.Name)));
        var values = string.Join(", ", table.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        var key = _sql.DelimitIdentifier(table.KeyColumn);
        var text = _sqlite
            ? $"INSERT INTO {table.Delimited(_sql)} ({columns}) VALUES ({values}) RETURNING {key}"
            : $"INSERT INTO {table.Delimited(_sql)} ({columns}) OUTPUT INSERTED.{key} VALUES ({values})";
        await using var command = await PrepareAsync(text, table, ct);
        foreach (var row in rows)
        {
            table.Bind(command, row, owner is { } o ? o.Value(row) : null);
            var id = command.ExecuteScalar(); // synchronous: SQLite's async is the sync call behind a task, per row
            ct.ThrowIfCancellationRequested();
            table.SetKey(row, id!);
        }
    }

    /// <summary>Writes every column of the rows (by id) as the entities now hold them.</summary>
    public async Task UpdateAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var table = Table.Of(db, typeof(T), null);
        var set = string.Join(", ", table.Columns.Select((c, i) => $"{_sql.DelimitIdentifier(c.Name)} = @p{i.ToString(CultureInfo.InvariantCulture)}"));
        var text = $"UPDATE {table.Delimited(_sql)} SET {set} WHERE {_sql.DelimitIdentifier(table.KeyColumn)} = @key";
        await using var command = await PrepareAsync(text, table, ct, withKey: true);
        foreach (var row in rows)
        {
            table.Bind(command, row, null);
            command.Parameters["@key"].Value = table.KeyOf(row);
            command.ExecuteNonQuery();
            ct.ThrowIfCancellationRequested();
        }
    }

    private async Task<DbCommand> PrepareAsync(string text, Table table, CancellationToken ct, bool withKey = false)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        for (var i = 0; i < table.Columns.Count; i++)
            command.Parameters.Add(table.Columns[i].Mapping.CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null, nullable: true));
        if (withKey) command.Parameters.Add(table.KeyMapping.CreateParameter(command, "@key", null, nullable: false));
        // SqlClient would want a size for every variable-length parameter before preparing; SQLite gains most from it.
        if (_sqlite) await command.PrepareAsync(ct);
        return command;
    }

    /// <summary>One column: its name, how to read its value from an entity, and its EF type mapping.</summary>
    private sealed record Column(string Name, Func<object, object?, object?> Value, RelationalTypeMapping Mapping);

    private sealed class Table
    {
        private Table(string name, string? schema, IProperty key, List<Column> columns)
        {
            Name = name;
            Schema = schema;
            Key = key;
            Columns = columns;
        }

        public string Name { get; }
        public string? Schema { get; }
        public IProperty Key { get; }
        public List<Column> Columns { get; }
        public string KeyColumn => Key.GetColumnName();
        public RelationalTypeMapping KeyMapping => Key.GetRelationalTypeMapping();

        public string Delimited(ISqlGenerationHelper sql) => sql.DelimitIdentifier(Name, Schema);

        public static Table Of(DbContext db, Type type, string? ownerProperty)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var columns = new List<Column>();
            foreach (var p in entity.GetProperties())
            {
                if (p.IsPrimaryKey()) continue;
                var mapping = p.GetRelationalTypeMapping();
                if (p.Name == ownerProperty)
                {
                    columns.Add(new Column(p.GetColumnName(), (_, owner) => owner, mapping));
                    continue;
                }
                if (p.IsShadowProperty()) throw new InvalidOperationException($"{type.Name}.{p.Name} is a shadow property: give it as the owner's key.");
                var getter = p.GetGetter();
                var navigation = p.GetContainingForeignKeys().Select(fk => fk.DependentToPrincipal).FirstOrDefault(n => n is not null);
                if (navigation is null)
                {
                    columns.Add(new Column(p.GetColumnName(), (e, _) => getter.GetClrValue(e), mapping));
                    continue;
                }
                var navigationGetter = navigation.GetGetter();
                var principalKey = navigation.ForeignKey.PrincipalKey.Properties.Single().GetGetter();
                columns.Add(new Column(p.GetColumnName(),
                    (e, _) => navigationGetter.GetClrValue(e) is { } principal ? principalKey.GetClrValue(principal) : getter.GetClrValue(e),
                    mapping));
            }
            foreach (var complex in entity.GetComplexProperties())
            {
                var outer = complex.GetGetter();
                foreach (var p in complex.ComplexType.GetProperties())
                {
                    var inner = p.GetGetter();
                    columns.Add(new Column(p.GetColumnName(), (e, _) => outer.GetClrValue(e) is { } value ? inner.GetClrValue(value) : null,
                        p.GetRelationalTypeMapping()));
                }
            }
            return new Table(entity.GetTableName()!, entity.GetSchema(), key, columns);
        }

        public void Bind(DbCommand command, object row, object? owner)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                var column = Columns[i];
                var value = column.Value(row, owner);
                if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                command.Parameters[i].Value = value ?? DBNull.Value;
            }
        }

        public object KeyOf(object row) => Key.GetGetter().GetClrValue(row)!;

        public void SetKey(object row, object id)
        {
            var value = Convert.ChangeType(id, Key.ClrType, CultureInfo.InvariantCulture);
            var property = Key.PropertyInfo ?? throw new InvalidOperationException($"{Key.DeclaringType.Name}.{Key.Name} has no property.");
            property.SetValue(row, value);
        }
    }
}
