using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyPlatform.Assessments.Data.Migrations
{
    /// <inheritdoc />
    public partial class GradingStepVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "grading_steps",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "grading_steps");
        }
    }
}
