// The namespaces nearly every test file needs: the test framework, the test kit, and the data model's common records.
global using System.Globalization;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using WorkTrackr.Data.Catalog;
global using WorkTrackr.Data.Common;
global using WorkTrackr.Data.Contacts;
global using WorkTrackr.Data.Crm;
global using WorkTrackr.Data.Identity;
global using WorkTrackr.Data.Invoicing;
global using WorkTrackr.Data.Organisations;
global using WorkTrackr.Data.Services;
global using WorkTrackr.Data.Tickets;
global using WorkTrackr.Tests.Infrastructure;
global using WorkTrackr.Tests.Integration.Tenancy;
global using WorkTrackr.Tests.TestData;
global using WorkTrackr.Web.Infrastructure;
global using Xunit;
