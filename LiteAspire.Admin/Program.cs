using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components;
using LiteAspire.Admin.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdminServices();
builder.AddAdminAuthentication();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    // The browser hands a prerendered page's persisted state (a page of keys with their metadata) back over the circuit's
    // first message; SignalR's 32 KB default refuses it and the page never goes live.
    .AddHubOptions(options => options.MaximumReceiveMessageSize = 1024 * 1024);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// No HTTPS redirection: under the AppHost (and in Kubernetes) the admin serves plain HTTP behind the orchestrator.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapAdminAuthentication();
app.MapAdminApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The admin's entry point; tests start it with WebApplicationFactory.</summary>
public partial class Program;
