using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FrontPageRevisionBasedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BasedOn",
                table: "FrontPageRevisions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrontPageRevisions_BasedOn",
                table: "FrontPageRevisions",
                column: "BasedOn",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FrontPageRevisions_BasedOn",
                table: "FrontPageRevisions");

            migrationBuilder.DropColumn(
                name: "BasedOn",
                table: "FrontPageRevisions");
        }
    }
}
