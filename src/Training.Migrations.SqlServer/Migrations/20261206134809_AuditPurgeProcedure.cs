using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The only way the application's login deletes audit entries (issue 16 §5): it has no DELETE on Audit, only
    /// EXECUTE on this procedure, which runs with its owner's rights (an ownership chain: dbo owns both). Whatever it
    /// is asked, it deletes the chain's oldest places only and nothing younger than 180 days (网络安全法 Art. 21).
    /// NOCOUNT stays off: the caller reads the DELETE's row count. Made through EXEC: CREATE PROCEDURE must begin a
    /// batch, and a migration script puts it after BEGIN TRANSACTION.
    /// </summary>
    public partial class AuditPurgeProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                EXEC(N'CREATE OR ALTER PROCEDURE [dbo].[PurgeAudit] @FirstKept bigint
                AS
                BEGIN
                    DECLARE @Limit datetime2 = DATEADD(day, -180, SYSUTCDATETIME());
                    DECLARE @FirstYoung bigint = (SELECT MIN([ChainIndex]) FROM [dbo].[Audit] WHERE [ChainIndex] IS NOT NULL AND [At] >= @Limit);
                    IF @FirstYoung IS NOT NULL AND @FirstYoung < @FirstKept SET @FirstKept = @FirstYoung;
                    DELETE FROM [dbo].[Audit] WHERE [ChainIndex] < @FirstKept;
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP PROCEDURE IF EXISTS [dbo].[PurgeAudit];");
        }
    }
}
