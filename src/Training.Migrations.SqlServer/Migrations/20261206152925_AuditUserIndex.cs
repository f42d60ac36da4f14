using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AuditUserIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Audit_UserName_Id",
                table: "Audit",
                columns: new[] { "UserName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Audit_UserName_Id",
                table: "Audit");
        }
    }
}
