// Behaviour is set by environment variables, so a test can shape it from the app model:
//   HEALTH_DELAY_MS  /health answers 503 until this long after start
//   EXIT_AFTER_MS    the process exits with EXIT_CODE (default 3) this long after start
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var started = DateTimeOffset.UtcNow;
var healthDelay = TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable("HEALTH_DELAY_MS"), out var delay) ? delay : 0);

if (int.TryParse(Environment.GetEnvironmentVariable("EXIT_AFTER_MS"), out var exitAfter))
{
    var code = int.TryParse(Environment.GetEnvironmentVariable("EXIT_CODE"), out var c) ? c : 3;
    _ = Task.Delay(exitAfter).ContinueWith(_ => Environment.Exit(code), TaskScheduler.Default);
}

app.MapGet("/health", () => DateTimeOffset.UtcNow - started >= healthDelay ? Results.Ok("Healthy") : Results.StatusCode(503));
app.MapGet("/env", () => Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value));
app.MapGet("/pid", () => Environment.ProcessId);

app.Run();
