# `make present`'s Voilà configuration (the Makefile puts this folder on JUPYTER_CONFIG_PATH).
# No blank wait: Voilà keeps kernels started ahead ("preheated") for the start page and the briefings. Each
# runs its notebook up to where it reads the page's address (biomfg.tools.present.params / from_query), with
# the imports, the data and the notebook's own briefing warmed there, and waits; a request takes one and runs
# only its own cells. Other notebooks, and slide decks (another template than the pool's), start a kernel
# per request, as Voilà does by default.
c = get_config()  # noqa: F821 - traitlets config file
c.VoilaConfiguration.preheat_kernel = True
c.VoilaKernelManager.kernel_pools_config = {
    "default": {"pool_size": 0},
    "present.ipynb": {"pool_size": 1},
    "briefings/overview.ipynb": {"pool_size": 1},
    "briefings/platform_type.ipynb": {"pool_size": 1},
    "briefings/region.ipynb": {"pool_size": 2},  # most of the catalogue, visited one after the other
}
# A pool is refilled this many seconds after a kernel is taken, not at once: the refill (kernel start,
# imports, warming, ~5 s of CPU) then does not compete with the page being drawn.
c.VoilaKernelManager.fill_delay = 5
# Voilà's page-leave beacon (which shuts the page's kernel down) needs the _xsrf cookie, which Voilà's render
# handler never sets: without it every page left logged a 403 and kept its kernel until culled.
c.Voila.identity_provider_class = "biomfg.tools.present.XsrfCookie"
