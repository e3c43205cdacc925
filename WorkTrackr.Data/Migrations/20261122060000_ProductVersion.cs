using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>A concurrency version on products, now that people edit them in the catalogue.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122060000_ProductVersion")]
public partial class ProductVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VersionColumn.Add(migrationBuilder, "Products");

    protected override void Down(MigrationBuilder migrationBuilder) => VersionColumn.Drop(migrationBuilder, "Products");
}
