using LiteAspire.Data;
using LiteAspire.Data.Spend.Queue;

// The spend writer: drains the Proxy's spend stream (Redis) into PostgreSQL. Without Redis there is no stream: the Proxy then
// writes spend itself, and this Worker only reports health.
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

if (builder.Services.HasSpendStream())
{
    builder.Services.AddSpendQueueConsumer(builder.Configuration);
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
return 0;
