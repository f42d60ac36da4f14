using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfflineStudyRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "decimal(6,2)", precision: 6, scale: 2, nullable: false),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Organizer = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ImportRunId = table.Column<int>(type: "int", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
