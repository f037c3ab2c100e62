using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Surveys.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "campaigns");
        }
    }
}
