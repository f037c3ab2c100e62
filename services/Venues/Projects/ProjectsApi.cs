namespace PartyPlatform.Venues.Projects;

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/venues").WithTags("Construction projects");
}
