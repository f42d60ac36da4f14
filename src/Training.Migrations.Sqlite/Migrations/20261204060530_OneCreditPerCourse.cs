using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneCreditPerCourse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StudyLedger_OneCreditPerCourse",
                table: "StudyLedger",
                columns: new[] { "PersonId", "Source", "SourceId" },
                unique: true,
                filter: "[SourceId] IS NOT NULL AND [ReversesId] IS NULL AND [Source] = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StudyLedger_OneCreditPerCourse",
                table: "StudyLedger");
        }
    }
}
