using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Core.Data.Personal;

/// <summary>
/// At start: refuses a key that cannot read what is already encrypted (a wrong or lost key would otherwise show as
/// damaged rows one page at a time), then encrypts what an earlier version wrote in clear text, a batch at a time in
/// SQL — a query compares encrypted texts, so no clear value may stay behind.
/// </summary>
public static class ClearPersonalData
{
    private const int Batch = 1_000;

    /// <summary>Rows encrypted.</summary>
    public static async Task<int> EncryptAsync(DbContext db, PersonalDataCipher cipher, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sqlite = LedgerTotals.IsSqlite(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var rows = 0;
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var columns = PersonalDataColumns.In(entity).Select(p => sql.DelimitIdentifier(p.GetColumnName())).ToList();
                if (columns.Count == 0) continue;
                var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
                var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName());
                await CheckKeyAsync(connection, cipher, table, columns, sqlite, ct);
                var clear = string.Join(" OR ", columns.Select(c => $"({c} IS NOT NULL AND {c} NOT LIKE '{PersonalDataCipher.SearchablePrefix}%')"));
                var select = sqlite
                    ? $"SELECT {key}, {string.Join(", ", columns)} FROM {table} WHERE {clear} LIMIT {Batch}"
                    : $"SELECT TOP ({Batch}) {key}, {string.Join(", ", columns)} FROM {table} WHERE {clear}";
                var update = $"UPDATE {table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @v{i}"))} WHERE {key} = @key";
                while (true)
                {
                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    var batch = new List<object[]>();
                    await using (var read = Command(connection, transaction, select))
                    await using (var reader = await read.ExecuteReaderAsync(ct))
                        while (await reader.ReadAsync(ct))
                        {
                            var values = new object[columns.Count + 1];
                            reader.GetValues(values);
                            batch.Add(values);
                        }
                    if (batch.Count == 0) break;
                    await using (var write = Command(connection, transaction, update))
                    {
                        for (var i = 0; i < columns.Count; i++) AddParameter(write, $"@v{i}");
                        AddParameter(write, "@key");
                        foreach (var values in batch)
                        {
                            for (var i = 0; i < columns.Count; i++)
                                // Whatever is not searchable yet (clear, or an e1: text) becomes so: the batch's query must not find it again.
                                write.Parameters[i].Value = values[i + 1] is string v && !v.StartsWith(PersonalDataCipher.SearchablePrefix, StringComparison.Ordinal)
                                    ? cipher.ProtectSearchable(cipher.Unprotect(v))
                                    : values[i + 1];
                            write.Parameters[columns.Count].Value = values[0];
                            await write.ExecuteNonQueryAsync(ct);
                        }
                    }
                    await transaction.CommitAsync(ct);
                    rows += batch.Count;
                }
            }
            return rows;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task CheckKeyAsync(DbConnection connection, PersonalDataCipher cipher, string table, List<string> columns, bool sqlite, CancellationToken ct)
    {
        foreach (var column in columns)
        {
            var where = $"{column} LIKE '{PersonalDataCipher.SearchablePrefix}%'";
            await using var command = Command(connection, null, sqlite
                ? $"SELECT {column} FROM {table} WHERE {where} LIMIT 1"
                : $"SELECT TOP (1) {column} FROM {table} WHERE {where}");
            if (await command.ExecuteScalarAsync(ct) is not string stored) continue;
            try { cipher.Unprotect(stored); }
            catch (CryptographicException) { throw new InvalidOperationException(PersonalDataTexts.WrongKey(table)); }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static void AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
    }
}
