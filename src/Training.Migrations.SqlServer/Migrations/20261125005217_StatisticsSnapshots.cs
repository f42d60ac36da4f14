using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotFigures",
                columns: table => new
                {
                    SnapshotId = table.Column<int>(type: "int", nullable: false),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    Graduates = table.Column<int>(type: "int", nullable: false),
                    InStudy = table.Column<int>(type: "int", nullable: false),
                    Secretaries = table.Column<int>(type: "int", nullable: false),
                    SecretariesAssociateOrAbove = table.Column<int>(type: "int", nullable: false),
                    TwoCommitteeCadres = table.Column<int>(type: "int", nullable: false),
                    TwoCommitteeAssociateOrAbove = table.Column<int>(type: "int", nullable: false),
                    ReservesInPool = table.Column<int>(type: "int", nullable: false),
                    SecretaryReserves = table.Column<int>(type: "int", nullable: false),
                    KeyPosts = table.Column<int>(type: "int", nullable: false),
                    SelfPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    WaiverFen = table.Column<long>(type: "bigint", nullable: false)
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
