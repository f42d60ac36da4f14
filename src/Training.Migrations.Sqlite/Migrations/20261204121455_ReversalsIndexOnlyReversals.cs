using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReversalsIndexOnlyReversals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StudyLedger_ReversesId",
                table: "StudyLedger");

            migrationBuilder.CreateIndex(
                name: "IX_StudyLedger_ReversesId",
                table: "StudyLedger",
                column: "ReversesId",
                unique: true,
                filter: "[ReversesId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StudyLedger_ReversesId",
                table: "StudyLedger");

            migrationBuilder.CreateIndex(
                name: "IX_StudyLedger_ReversesId",
                table: "StudyLedger",
                column: "ReversesId",
                unique: true);
        }
    }
}
