using LiteAspire.Admin.Components;
using LiteAspire.Admin.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdminServices();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// No HTTPS redirection: under the AppHost (and in Kubernetes) the admin serves plain HTTP behind the orchestrator.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapAdminApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
