using Microsoft.AspNetCore.Builder;

namespace Palisade.Gateway.Hosting;

/// <summary>
/// The web host builder every Palisade listener starts from. ASP.NET Core's defaults read <c>appsettings*.json</c> from
/// the working directory and watch it for changes. For Palisade that is wrong twice: the working directory is usually
/// the agent's project, so a file the agent writes could add Kestrel endpoints or change logging; and the watcher
/// wakes on every file written below it (the audit log, when Palisade's home is under the working directory),
/// burning CPU on the request path. Palisade's settings come from its own config file and flags only.
/// </summary>
public static class IsolatedWebBuilder
{
    public static WebApplicationBuilder Create()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Keep the host from opening a watcher before the sources are cleared below.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        return builder;
    }
}
