using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSeal",
                table: "Audit",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "Audit",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audit_ChainIndex",
                table: "Audit",
                column: "ChainIndex",
                unique: true,
                filter: "[ChainIndex] IS NOT NULL");
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
