package org.xenfusa.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.api.ApiController;
import org.xenfusa.web.boards.BoardController;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.config.ConfigurationController;
import org.xenfusa.web.config.ConfigurationHistory;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.effort.EffortController;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.exports.ExportController;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.readiness.ReadinessController;
import org.xenfusa.web.readiness.ReadinessService;
import org.xenfusa.web.security.AccountSessions;
import org.xenfusa.web.security.LoginSecurityTest;
import org.xenfusa.web.security.SecurityConfig;
import org.xenfusa.web.sloc.SlocService;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.LinkSuggestions;
import org.xenfusa.web.trace.RequirementController;
import org.xenfusa.web.trace.RequirementService;
import org.xenfusa.web.trace.TracePages;
import org.xenfusa.web.trace.TraceService;
import org.xenfusa.web.users.UserController;

/**
 * The one {@code @WebMvcTest} slice of the web controllers, with the platform's security: every slice test extends
 * it and so shares one Spring context (each test class with a slice of its own started one: ten contexts, 2-6 s
 * each). It holds the controllers the slice tests drive, a mock of every service and repository they use (a test
 * takes the ones it stubs with {@code @Autowired}; Spring resets every mock after each test), a mocked user
 * repository that answers the per-request account check with the test's mock user ({@link MockAccounts}), the
 * session registry's facade, the API tokens' repository, and the login page as the dashboard serves it, without
 * the dashboard's services ({@link LoginSecurityTest.LoginPage}: nested in a test class, so that the platforms the
 * tests start from the test classpath do not find it beside the dashboard's own /login).
 */
@WebMvcTest({ApiController.class, BoardController.class, ConfigurationController.class, EffortController.class,
        ExportController.class, ReadinessController.class, RequirementController.class, UserController.class,
        org.xenfusa.web.misra.MisraController.class, org.xenfusa.web.coverage.CoverageController.class})
@Import({SecurityConfig.class, LoginSecurityTest.LoginPage.class})
public abstract class SecuredSlice {
    @MockitoBean
    protected AppUserRepository users;

    @MockitoBean
    protected AccountSessions accountSessions;

    @MockitoBean
    protected ApiTokenRepository apiTokens;

    @MockitoBean private SourceRepositoryRepository sourceRepositories;
    @MockitoBean private SnapshotRepository snapshotRepository;
    @MockitoBean private SavedConfigurationRepository savedConfigurations;
    @MockitoBean private IngestJobRepository ingestJobs;
    @MockitoBean private TraceService traceService;
    @MockitoBean private TracePages tracePages;
    @MockitoBean private RequirementService requirementService;
    @MockitoBean private LinkService linkService;
    @MockitoBean private LinkSuggestions linkSuggestions;
    @MockitoBean private ReadinessService readinessService;
    @MockitoBean private ExportService exportService;
    @MockitoBean private ConfigurationService configurationService;
    @MockitoBean private ConfigurationHistory configurationHistory;
    @MockitoBean private ConfigurationReports configurationReports;
    @MockitoBean private RepositoryRegistrar repositoryRegistrar;
    @MockitoBean private IngestService ingestService;
    @MockitoBean private SlocService slocService;
    @MockitoBean private EffortModels effortModels;
    @MockitoBean private BoardTable boardTable;
    @MockitoBean private org.xenfusa.web.impact.ImpactService impactService;
    @MockitoBean private org.xenfusa.web.misra.MisraService misraService;
    @MockitoBean private org.xenfusa.web.coverage.CoverageService coverageService;

    @BeforeEach
    void accountsFollowTheMockUser() {
        MockAccounts.followTheMockUser(users);
    }
}
