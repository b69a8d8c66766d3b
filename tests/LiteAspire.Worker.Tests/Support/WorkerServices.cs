using LiteAspire.Data;
using LiteAspire.Data.Migrations;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Worker.Tests.Support;

/// <summary>The services the budget jobs resolve per run: the database context on a test database.</summary>
public static class WorkerServices
{
    public static ServiceProvider On(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDbContext<LiteLLMDbContext, PostgreSqlLiteLLMDbContext>(options => options.UseNpgsql(connectionString));
        return services.BuildServiceProvider();
    }
}
