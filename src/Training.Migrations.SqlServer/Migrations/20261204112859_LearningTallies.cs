using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LearningTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningTallies",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ComputedVersion = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Learners = table.Column<int>(type: "int", nullable: false),
                    Cadres = table.Column<int>(type: "int", nullable: false),
                    Reserves = table.Column<int>(type: "int", nullable: false),
                    Members = table.Column<int>(type: "int", nullable: false),
                    TotalCenti = table.Column<long>(type: "bigint", nullable: false),
                    RequiredCenti = table.Column<long>(type: "bigint", nullable: false),
                    Reached = table.Column<int>(type: "int", nullable: false),
                    NotStarted = table.Column<int>(type: "int", nullable: false),
                    Overdue = table.Column<int>(type: "int", nullable: false),
                    MonthsCenti = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningTallies", x => new { x.Year, x.UnitId });
                    table.ForeignKey(
                        name: "FK_LearningTallies_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningTallies_UnitId",
                table: "LearningTallies",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningTallies");
        }
    }
}
