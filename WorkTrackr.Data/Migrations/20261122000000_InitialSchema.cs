using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace WorkTrackr.Data.Migrations;

/// <summary>
/// The whole schema as the model gives it, written by hand, with no model snapshot (docs/STACK.md, Data).
/// Provider-neutral: columns give CLR types and facets and each provider picks the store type.
/// MigrationDriftTests compares the result with <c>EnsureCreated</c> on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(WorkTrackrDbContext))]
[Migration("20261122000000_InitialSchema")]
public partial class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Plan = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organisations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Resellers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: false),
                CommissionRate = table.Column<decimal>(precision: 5, scale: 4, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Resellers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                // Each provider reads its own annotation and ignores the other's.
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                Action = table.Column<int>(nullable: false),
                OldValues = table.Column<string>(nullable: true),
                NewValues = table.Column<string>(nullable: true),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_AuditEntries_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Phone = table.Column<string>(maxLength: 50, nullable: true),
                BillingAddress = table.Column<string>(maxLength: 500, nullable: true),
                ServiceAddress = table.Column<string>(maxLength: 500, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Contacts", x => x.Id);
                table.ForeignKey(
                    name: "FK_Contacts_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: true),
                Cost = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Price = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Unit = table.Column<string>(maxLength: 30, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey(
                    name: "FK_Products_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TicketTemplates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Fields = table.Column<string>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketTemplates", x => x.Id);
                table.ForeignKey(
                    name: "FK_TicketTemplates_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: true),
                OrganisationId = table.Column<Guid>(nullable: true),
                ResellerId = table.Column<Guid>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Resellers_ResellerId",
                    column: x => x.ResellerId,
                    principalTable: "Resellers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ResellerCustomers",
            columns: table => new
            {
                ResellerId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResellerCustomers", x => new { x.ResellerId, x.OrganisationId });
                table.ForeignKey(
                    name: "FK_ResellerCustomers_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ResellerCustomers_Resellers_ResellerId",
                    column: x => x.ResellerId,
                    principalTable: "Resellers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CustomerServices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Quantity = table.Column<int>(nullable: false),
                PriceOverride = table.Column<decimal>(precision: 12, scale: 2, nullable: true),
                BillingCycle = table.Column<int>(nullable: false),
                RenewalDate = table.Column<DateOnly>(nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomerServices", x => x.Id);
                table.CheckConstraint("CK_CustomerServices_Quantity", "\"Quantity\" >= 1");
                table.ForeignKey(
                    name: "FK_CustomerServices_Contacts_ContactId",
                    column: x => x.ContactId,
                    principalTable: "Contacts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CustomerServices_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CustomerServices_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CrmEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<int>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                AssignedUserId = table.Column<Guid>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CrmEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_CrmEvents_AspNetUsers_AssignedUserId",
                    column: x => x.AssignedUserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_CrmEvents_Contacts_ContactId",
                    column: x => x.ContactId,
                    principalTable: "Contacts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CrmEvents_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Tickets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                ContactId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                Status = table.Column<int>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                AssignedUserId = table.Column<Guid>(nullable: true),
                ScheduledStart = table.Column<DateTime>(nullable: true),
                ScheduledEnd = table.Column<DateTime>(nullable: true),
                TemplateId = table.Column<Guid>(nullable: true),
                CustomFieldValues = table.Column<string>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tickets", x => x.Id);
                table.ForeignKey(
                    name: "FK_Tickets_AspNetUsers_AssignedUserId",
                    column: x => x.AssignedUserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Tickets_Contacts_ContactId",
                    column: x => x.ContactId,
                    principalTable: "Contacts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Tickets_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Tickets_TicketTemplates_TemplateId",
                    column: x => x.TemplateId,
                    principalTable: "TicketTemplates",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Invoices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                TicketId = table.Column<Guid>(nullable: true),
                IssueDate = table.Column<DateOnly>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invoices", x => x.Id);
                table.ForeignKey(
                    name: "FK_Invoices_Contacts_ContactId",
                    column: x => x.ContactId,
                    principalTable: "Contacts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Invoices_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Invoices_Tickets_TicketId",
                    column: x => x.TicketId,
                    principalTable: "Tickets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "InvoiceLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                InvoiceId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                ProductId = table.Column<Guid>(nullable: true),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                Quantity = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                UnitPrice = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                TaxRate = table.Column<decimal>(precision: 5, scale: 4, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                table.ForeignKey(
                    name: "FK_InvoiceLines_Invoices_InvoiceId",
                    column: x => x.InvoiceId,
                    principalTable: "Invoices",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_InvoiceLines_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_InvoiceLines_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_OrganisationId",
            table: "AspNetUsers",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_ResellerId",
            table: "AspNetUsers",
            column: "ResellerId");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_OrganisationId_EntityType_EntityId_At",
            table: "AuditEntries",
            columns: ["OrganisationId", "EntityType", "EntityId", "At"]);

        migrationBuilder.CreateIndex(
            name: "IX_Contacts_OrganisationId_Name",
            table: "Contacts",
            columns: ["OrganisationId", "Name"]);

        migrationBuilder.CreateIndex(
            name: "IX_CrmEvents_AssignedUserId",
            table: "CrmEvents",
            column: "AssignedUserId");

        migrationBuilder.CreateIndex(
            name: "IX_CrmEvents_ContactId",
            table: "CrmEvents",
            column: "ContactId");

        migrationBuilder.CreateIndex(
            name: "IX_CrmEvents_OrganisationId_AssignedUserId_StartsAt",
            table: "CrmEvents",
            columns: ["OrganisationId", "AssignedUserId", "StartsAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_CrmEvents_OrganisationId_StartsAt",
            table: "CrmEvents",
            columns: ["OrganisationId", "StartsAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_CustomerServices_ContactId",
            table: "CustomerServices",
            column: "ContactId");

        migrationBuilder.CreateIndex(
            name: "IX_CustomerServices_OrganisationId_RenewalDate",
            table: "CustomerServices",
            columns: ["OrganisationId", "RenewalDate"]);

        migrationBuilder.CreateIndex(
            name: "IX_CustomerServices_ProductId",
            table: "CustomerServices",
            column: "ProductId");

        migrationBuilder.CreateIndex(
            name: "IX_InvoiceLines_InvoiceId",
            table: "InvoiceLines",
            column: "InvoiceId");

        migrationBuilder.CreateIndex(
            name: "IX_InvoiceLines_OrganisationId",
            table: "InvoiceLines",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_InvoiceLines_ProductId",
            table: "InvoiceLines",
            column: "ProductId");

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_ContactId",
            table: "Invoices",
            column: "ContactId");

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_OrganisationId_Number",
            table: "Invoices",
            columns: ["OrganisationId", "Number"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_OrganisationId_Status_DueDate",
            table: "Invoices",
            columns: ["OrganisationId", "Status", "DueDate"]);

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_TicketId",
            table: "Invoices",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_Name",
            table: "Organisations",
            column: "Name");

        migrationBuilder.CreateIndex(
            name: "IX_Products_OrganisationId_Name",
            table: "Products",
            columns: ["OrganisationId", "Name"]);

        migrationBuilder.CreateIndex(
            name: "IX_ResellerCustomers_OrganisationId",
            table: "ResellerCustomers",
            column: "OrganisationId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_AssignedUserId",
            table: "Tickets",
            column: "AssignedUserId");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_ContactId",
            table: "Tickets",
            column: "ContactId");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_CreatedAt",
            table: "Tickets",
            columns: ["OrganisationId", "CreatedAt"]);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_Number",
            table: "Tickets",
            columns: ["OrganisationId", "Number"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_ScheduledStart",
            table: "Tickets",
            columns: ["OrganisationId", "ScheduledStart"]);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_OrganisationId_Status_Priority",
            table: "Tickets",
            columns: ["OrganisationId", "Status", "Priority"]);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_TemplateId",
            table: "Tickets",
            column: "TemplateId");

        migrationBuilder.CreateIndex(
            name: "IX_TicketTemplates_OrganisationId_Name",
            table: "TicketTemplates",
            columns: ["OrganisationId", "Name"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Dependents before principals: PostgreSQL refuses to drop a table another table's foreign key points at.
        migrationBuilder.DropTable(name: "InvoiceLines");
        migrationBuilder.DropTable(name: "Invoices");
        migrationBuilder.DropTable(name: "Tickets");
        migrationBuilder.DropTable(name: "CrmEvents");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "CustomerServices");
        migrationBuilder.DropTable(name: "ResellerCustomers");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "TicketTemplates");
        migrationBuilder.DropTable(name: "Products");
        migrationBuilder.DropTable(name: "Contacts");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Resellers");
        migrationBuilder.DropTable(name: "Organisations");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
