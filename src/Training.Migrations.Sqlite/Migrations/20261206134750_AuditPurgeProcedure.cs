using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Nothing on SQLite: the embedded database has no logins and no procedures; the sealed chain shows any deletion
    /// there. SQL Server's migration of the same name makes the purge procedure.
    /// </summary>
    public partial class AuditPurgeProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
