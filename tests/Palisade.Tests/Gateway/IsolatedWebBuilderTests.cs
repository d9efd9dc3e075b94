using Microsoft.Extensions.Configuration;
using Palisade.Gateway.Hosting;

namespace Palisade.Tests.Gateway;

public sealed class IsolatedWebBuilderTests
{
    [Fact]
    public async Task Listeners_read_no_appsettings_or_environment_and_watch_no_directory()
    {
        var builder = IsolatedWebBuilder.Create();
        // Default builders add appsettings.json (watched for changes), appsettings.{env}.json and environment variables.
        Assert.Empty(builder.Configuration.Sources);
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
        await using var app = builder.Build();
        Assert.Empty(((IConfigurationRoot)app.Configuration).Providers);
    }
}
