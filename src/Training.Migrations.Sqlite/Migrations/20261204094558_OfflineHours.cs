using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfflineHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrgUnitId",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfflineStudyRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organizer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflineStudyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfflineStudyRecords_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OfflineStudyRecords_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_OrgUnitId",
                table: "ImportRuns",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineStudyRecords_ImportRunId",
                table: "OfflineStudyRecords",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineStudyRecords_PersonId_On_Title",
                table: "OfflineStudyRecords",
                columns: new[] { "PersonId", "On", "Title" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportRuns_OrgUnits_OrgUnitId",
                table: "ImportRuns",
                column: "OrgUnitId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ImportRuns_OrgUnits_OrgUnitId",
                table: "ImportRuns");

            migrationBuilder.DropTable(
                name: "OfflineStudyRecords");

            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_OrgUnitId",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "OrgUnitId",
                table: "ImportRuns");
        }
    }
}
