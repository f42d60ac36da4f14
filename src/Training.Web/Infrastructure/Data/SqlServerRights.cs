using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Training.Core.Domain;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// What the application's own database user may do on SQL Server (issue 16 §1, §5): read and write its tables, and no
/// more — no DDL, no ownership, so that a flaw in the portal cannot change the schema or grant itself rights. The
/// schema's owner (<c>ConnectionStrings:Migrations</c>) runs the migrations, then this script, table by table from the
/// model, so a new table is granted by the migration that makes it. The audit trail is append-only for the
/// application: it adds and reads entries and writes only the seal's three columns; it deletes old ones only through
/// <c>dbo.PurgeAudit</c>, which removes nothing younger than 180 days (the procedure runs with its owner's rights).
/// A column GRANT is used instead of a table DENY because a column GRANT overrides a table DENY anyway.
/// </summary>
public static partial class SqlServerRights
{
    public const string HangfireSchema = "HangFire";
    public const string PurgeAuditProcedure = "[dbo].[PurgeAudit]";

    /// <summary>Roles that would give the user back what the script withholds: it refuses to run for a member of one.</summary>
    public static readonly string[] TooStrongRoles = ["db_owner", "db_ddladmin", "db_datawriter", "db_securityadmin", "db_accessadmin", "db_backupoperator"];

    /// <summary>The entry columns the seal job writes (<see cref="AuditEntry.Sealed"/>).</summary>
    public static readonly string[] AuditSealColumns = [nameof(AuditEntry.ChainIndex), nameof(AuditEntry.PreviousSeal), nameof(AuditEntry.Seal)];

    public static string GrantScript(IModel model, string user)
    {
        if (!UserName().IsMatch(user)) throw new InvalidOperationException(DataTexts.BadApplicationUser(user));
        var to = Quote(user);
        var audit = model.FindEntityType(typeof(AuditEntry))!.GetTableName();
        var sql = new StringBuilder();
        sql.AppendLine($"IF EXISTS (SELECT 1 FROM sys.database_role_members AS rm")
           .AppendLine("    JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id")
           .AppendLine("    JOIN sys.database_principals AS m ON m.principal_id = rm.member_principal_id")
           .AppendLine($"    WHERE m.name = N'{user}' AND r.name IN ({string.Join(", ", TooStrongRoles.Select(r => $"N'{r}'"))}))")
           .AppendLine($"    THROW 50001, N'{DataTexts.ApplicationUserTooStrong(user)}', 1;");
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = $"{Quote(table.Schema ?? "dbo")}.{Quote(table.Name)}";
            if (table.Name == audit)
            {
                sql.AppendLine($"REVOKE UPDATE, DELETE ON {name} FROM {to};")
                   .AppendLine($"GRANT SELECT, INSERT ON {name} TO {to};")
                   .AppendLine($"GRANT UPDATE ({string.Join(", ", AuditSealColumns.Select(Quote))}) ON {name} TO {to};");
            }
            else
            {
                sql.AppendLine($"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {to};");
            }
        }
        sql.AppendLine($"GRANT EXECUTE ON {PurgeAuditProcedure} TO {to};")
           // Ready: the web nodes check that every migration is applied.
           .AppendLine($"GRANT SELECT ON [dbo].[__EFMigrationsHistory] TO {to};")
           .AppendLine($"GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON SCHEMA::{Quote(HangfireSchema)} TO {to};");
        return sql.ToString();
    }

    private static string Quote(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex UserName();
}
