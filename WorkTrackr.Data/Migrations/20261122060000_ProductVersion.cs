using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkTrackr.Data.Migrations;

/// <summary>A concurrency version on products, now that people edit them in the catalogue.</summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122060000_ProductVersion")]
public partial class ProductVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "Version", table: "Products", nullable: false, defaultValue: Guid.Empty);
        // Existing rows get a version of their own, as saves would have given them; the interceptor renews it from here on.
        // EF stores a Guid on SQLite as upper-case text in the 8-4-4-4-12 form.
        if (migrationBuilder.IsNpgsql())
            migrationBuilder.Sql("UPDATE \"Products\" SET \"Version\" = gen_random_uuid();");
        else
            migrationBuilder.Sql("UPDATE \"Products\" SET \"Version\" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6));");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("ALTER TABLE \"Products\" DROP COLUMN \"Version\";");
        else
            migrationBuilder.DropColumn(name: "Version", table: "Products");
    }
}
