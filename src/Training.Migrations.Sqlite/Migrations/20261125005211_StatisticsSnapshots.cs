using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatisticsSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotFigures",
                columns: table => new
                {
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Graduates = table.Column<int>(type: "INTEGER", nullable: false),
                    InStudy = table.Column<int>(type: "INTEGER", nullable: false),
                    Secretaries = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretariesAssociateOrAbove = table.Column<int>(type: "INTEGER", nullable: false),
                    TwoCommitteeCadres = table.Column<int>(type: "INTEGER", nullable: false),
                    TwoCommitteeAssociateOrAbove = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservesInPool = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretaryReserves = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyPosts = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WaiverFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotFigures", x => new { x.SnapshotId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_SnapshotFigures_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SnapshotFigures_StatisticsSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "StatisticsSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotFigures_OrgUnitId_SnapshotId",
                table: "SnapshotFigures",
                columns: new[] { "OrgUnitId", "SnapshotId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsSnapshots_AsOf",
                table: "StatisticsSnapshots",
                column: "AsOf",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SnapshotFigures");

            migrationBuilder.DropTable(
                name: "StatisticsSnapshots");
        }
    }
}
