using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptedPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
