using LiteAspire.Data;

// The spend-draining work arrives with the spend issue; until then the Worker connects, reports health, and waits.
var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddServiceDefaults();
    builder.AddLiteLLMDatabase();
    builder.AddLiteLLMRedis();
    builder.AddBudgetJobs();
}
catch (StartupConfigurationException e)
{
    Console.Error.WriteLine($"LiteAspire.Worker cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
return 0;
