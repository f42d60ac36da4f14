using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "Audit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSeal",
                table: "Audit",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "Audit",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audit_ChainIndex",
                table: "Audit",
                column: "ChainIndex",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Audit_ChainIndex",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "ChainIndex",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "PreviousSeal",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "Seal",
                table: "Audit");
        }
    }
}
