package org.xenfusa.sloc.kconfig;


import java.util.Map;

/**
 * Synthetic Kconfig trees (written for these tests) and the .config files that Xen's own
 * kconfig ({@code xen/tools/kconfig/conf} built from RELEASE-4.22.0) wrote for them, with an empty
 * {@code KCONFIG_ALLCONFIG} and the environment PRODUCT=demo, MYARCH=foo.
 */
final class SyntheticTrees {
    private SyntheticTrees() {
    }

    static final Map<String, String> ENVIRONMENT = Map.of("PRODUCT", "demo", "MYARCH", "foo");

    /** Answers for the commands the macro tree runs, as the shell answered them for conf. */
    static final String PROFILE = """
            name synthetic
            command true => y
            command false => n
            shell echo hello => hello
            """;

    static final Map<String, String> FEATURES = Map.of(
            "Kconfig", """
            mainmenu "Synthetic $(PRODUCT) features"

            config ALPHA
            	bool "Alpha support"
            	default y
            	help
            	  Turns on alpha.

            	  Second paragraph.

            config BETA
            	bool "Beta"
            	depends on ALPHA

            config GAMMA
            	bool
            	default y if BETA
            	default n

            menu "Numbers"

            config COUNT
            	int "How many"
            	range 2 16
            	default 20

            config MASK
            	hex "Mask"
            	default 0xff
            	range 0x10 0x1000

            config LABEL
            	string "Label"
            	default "with \\"quotes\\" and \\\\ slash"

            comment "Only with alpha"
            	depends on ALPHA

            comment "Never shown"
            	depends on NOT_DEFINED

            endmenu

            config HIDDEN_DEP
            	bool "Needs a missing feature"
            	depends on MISSING

            config FORCER
            	bool "Forces hidden dep"
            	default y
            	select HIDDEN_DEP

            config WEAK
            	bool "Weak target"
            	depends on ALPHA

            config IMPLIER
            	bool "Implies weak"
            	default y
            	imply WEAK

            menu "Expert corner"
            	visible if EXPERT_MODE

            config EXPERT_KNOB
            	bool "A knob"
            	default y

            endmenu

            config EXPERT_MODE
            	bool "Expert mode"

            if ALPHA
            config INSIDE_IF
            	bool "Inside if"
            	default y
            config INSIDE_IF_VALUE
            	int
            	default 7
            endif

            menuconfig DRIVERS
            	bool "Drivers"
            	default y

            if DRIVERS
            config DRIVER_A
            	bool "Driver A"
            	default COMPARE_BIG
            endif

            config COMPARE_BIG
            	def_bool COUNT > 10 && MASK >= 0x20 && LABEL != "x"

            config CMP_STR
            	def_bool "abc" < "abd"
            """);

    static final Map<String, String> MACROS = Map.of(
            "Kconfig", """
            mainmenu "Macros of $(filename)"

            success = $(shell,if $(1) >/dev/null 2>&1; then echo y; else echo n; fi)
            failure = $(shell,if $(1) >/dev/null 2>&1; then echo n; else echo y; fi)
            if-success = $(shell,if $(1) >/dev/null 2>&1; then echo "$(2)"; else echo "$(3)"; fi)

            greeting := hello
            who = $(1) and $(2)
            lazy = $(greeting)
            greeting := bye
            list := a
            list += b
            pair = $(who,$(greeting),x)
            $(info,from line $(lineno))
            $(warning-if,y,a warning)
            $(warning-if,n,no warning)

            config TRUE_CMD
            	def_bool $(success,true)

            config FALSE_CMD
            	def_bool $(success,false)

            config NOT_FALSE
            	def_bool $(failure,false)

            config PICK
            	string
            	default "$(if-success,true,yes-branch,no-branch)"

            config SHELL_OUT
            	string
            	default "$(shell,echo hello)"

            config LAZY
            	string
            	default "$(lazy)"

            config PAIR
            	string
            	default "$(pair) $(list)"

            config ENV_ARCH
            	string
            	default "$(MYARCH)"

            source "sub/$(MYARCH)/Kconfig"
            """,
            "sub/foo/Kconfig", """
            config FROM_SUB
            	def_bool y
            """);

    static final Map<String, String> CHOICES = Map.of(
            "Kconfig", """
            config MODULES
            	bool "Modules"
            	option modules
            	default y

            choice
            	prompt "Mode"
            	default MODE_B

            config MODE_A
            	bool "Mode A"

            config MODE_B
            	bool "Mode B"
            	depends on HAS_B

            config MODE_C
            	bool "Mode C"

            endchoice

            config HAS_B
            	bool "Has B"

            choice
            	prompt "Optional pick"
            	optional

            config OPT_X
            	bool "X"

            config OPT_Y
            	bool "Y"

            endchoice

            choice
            	prompt "Tristate choice"
            	tristate

            config TRI_A
            	tristate "Tri A"

            config TRI_B
            	tristate "Tri B"

            config TRI_BOOL
            	bool "Tri bool member"

            endchoice

            config DRIVER
            	tristate "A driver"
            	default m

            config USES_DRIVER
            	bool "Uses driver"
            	depends on DRIVER

            config TRI_SELECTED
            	tristate
            	default n

            config SELECTOR
            	tristate "Selector"
            	select TRI_SELECTED
            """);

    static final String FEATURES_ALLDEF = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Synthetic demo features
            #
            CONFIG_ALPHA=y
            # CONFIG_BETA is not set

            #
            # Numbers
            #
            CONFIG_COUNT=16
            CONFIG_MASK=0xff
            CONFIG_LABEL="with \\"quotes\\" and \\\\ slash"

            #
            # Only with alpha
            #
            # end of Numbers

            CONFIG_HIDDEN_DEP=y
            CONFIG_FORCER=y
            CONFIG_WEAK=y
            CONFIG_IMPLIER=y
            CONFIG_EXPERT_KNOB=y
            # CONFIG_EXPERT_MODE is not set
            CONFIG_INSIDE_IF=y
            CONFIG_INSIDE_IF_VALUE=7
            CONFIG_DRIVERS=y
            CONFIG_DRIVER_A=y
            CONFIG_COMPARE_BIG=y
            CONFIG_CMP_STR=y
            """;

    static final String FEATURES_ALLYES = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Synthetic demo features
            #
            CONFIG_ALPHA=y
            CONFIG_BETA=y
            CONFIG_GAMMA=y

            #
            # Numbers
            #
            CONFIG_COUNT=16
            CONFIG_MASK=0xff
            CONFIG_LABEL="with \\"quotes\\" and \\\\ slash"

            #
            # Only with alpha
            #
            # end of Numbers

            CONFIG_HIDDEN_DEP=y
            CONFIG_FORCER=y
            CONFIG_WEAK=y
            CONFIG_IMPLIER=y

            #
            # Expert corner
            #
            CONFIG_EXPERT_KNOB=y
            # end of Expert corner

            CONFIG_EXPERT_MODE=y
            CONFIG_INSIDE_IF=y
            CONFIG_INSIDE_IF_VALUE=7
            CONFIG_DRIVERS=y
            CONFIG_DRIVER_A=y
            CONFIG_COMPARE_BIG=y
            CONFIG_CMP_STR=y
            """;

    static final String FEATURES_ALLNO = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Synthetic demo features
            #
            # CONFIG_ALPHA is not set

            #
            # Numbers
            #
            CONFIG_COUNT=16
            CONFIG_MASK=0xff
            CONFIG_LABEL="with \\"quotes\\" and \\\\ slash"
            # end of Numbers

            # CONFIG_FORCER is not set
            # CONFIG_IMPLIER is not set
            CONFIG_EXPERT_KNOB=y
            # CONFIG_EXPERT_MODE is not set
            # CONFIG_DRIVERS is not set
            CONFIG_COMPARE_BIG=y
            CONFIG_CMP_STR=y
            """;

    static final String FEATURES_DEFCONFIG_INPUT = """
            CONFIG_COUNT=1
            CONFIG_BETA=y
            CONFIG_EXPERT_MODE=y
            CONFIG_UNKNOWN=y
            CONFIG_MASK=zz
            CONFIG_LABEL="plain"
            # CONFIG_IMPLIER is not set
            """;

    static final String FEATURES_DEFCONFIG = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Synthetic demo features
            #
            CONFIG_ALPHA=y
            CONFIG_BETA=y
            CONFIG_GAMMA=y

            #
            # Numbers
            #
            CONFIG_COUNT=16
            CONFIG_MASK=0xff
            CONFIG_LABEL="plain"

            #
            # Only with alpha
            #
            # end of Numbers

            CONFIG_HIDDEN_DEP=y
            CONFIG_FORCER=y
            # CONFIG_WEAK is not set
            # CONFIG_IMPLIER is not set

            #
            # Expert corner
            #
            CONFIG_EXPERT_KNOB=y
            # end of Expert corner

            CONFIG_EXPERT_MODE=y
            CONFIG_INSIDE_IF=y
            CONFIG_INSIDE_IF_VALUE=7
            CONFIG_DRIVERS=y
            CONFIG_DRIVER_A=y
            CONFIG_COMPARE_BIG=y
            CONFIG_CMP_STR=y
            """;

    static final String FEATURES_OLD_INPUT = """
            CONFIG_ALPHA=y
            # CONFIG_BETA is not set
            CONFIG_COUNT=12
            CONFIG_MASK=0x8
            CONFIG_DRIVERS=y
            # CONFIG_DRIVER_A is not set
            CONFIG_EXPERT_MODE=y
            # CONFIG_EXPERT_KNOB is not set
            """;

    static final String FEATURES_OLDDEF = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Synthetic demo features
            #
            CONFIG_ALPHA=y
            # CONFIG_BETA is not set

            #
            # Numbers
            #
            CONFIG_COUNT=12
            CONFIG_MASK=0xff
            CONFIG_LABEL="with \\"quotes\\" and \\\\ slash"

            #
            # Only with alpha
            #
            # end of Numbers

            CONFIG_HIDDEN_DEP=y
            CONFIG_FORCER=y
            CONFIG_WEAK=y
            CONFIG_IMPLIER=y

            #
            # Expert corner
            #
            # CONFIG_EXPERT_KNOB is not set
            # end of Expert corner

            CONFIG_EXPERT_MODE=y
            CONFIG_INSIDE_IF=y
            CONFIG_INSIDE_IF_VALUE=7
            CONFIG_DRIVERS=y
            # CONFIG_DRIVER_A is not set
            CONFIG_CMP_STR=y
            """;

    static final String MACROS_ALLDEF = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Macros of Kconfig
            #
            CONFIG_TRUE_CMD=y
            CONFIG_NOT_FALSE=y
            CONFIG_PICK="yes-branch"
            CONFIG_SHELL_OUT="hello"
            CONFIG_LAZY="bye"
            CONFIG_PAIR="bye and x a b"
            CONFIG_ENV_ARCH="foo"
            CONFIG_FROM_SUB=y
            """;

    static final String CHOICES_ALLYES = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Main menu
            #
            CONFIG_MODULES=y
            # CONFIG_MODE_A is not set
            CONFIG_MODE_B=y
            # CONFIG_MODE_C is not set
            CONFIG_HAS_B=y
            CONFIG_TRI_A=m
            CONFIG_TRI_B=m
            CONFIG_DRIVER=y
            CONFIG_USES_DRIVER=y
            CONFIG_TRI_SELECTED=y
            CONFIG_SELECTOR=y
            """;

    static final String CHOICES_ALLNO = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Main menu
            #
            # CONFIG_MODULES is not set
            CONFIG_MODE_A=y
            # CONFIG_MODE_C is not set
            # CONFIG_HAS_B is not set
            CONFIG_TRI_A=y
            # CONFIG_TRI_B is not set
            # CONFIG_TRI_BOOL is not set
            # CONFIG_DRIVER is not set
            # CONFIG_SELECTOR is not set
            """;

    static final String CHOICES_ALLDEF = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Main menu
            #
            CONFIG_MODULES=y
            CONFIG_MODE_A=y
            # CONFIG_MODE_C is not set
            # CONFIG_HAS_B is not set
            # CONFIG_TRI_A is not set
            # CONFIG_TRI_B is not set
            CONFIG_DRIVER=m
            # CONFIG_USES_DRIVER is not set
            # CONFIG_SELECTOR is not set
            """;

    static final String CHOICES_DEFCONFIG_INPUT = """
            CONFIG_MODE_C=y
            CONFIG_OPT_Y=y
            CONFIG_TRI_B=y
            CONFIG_MODULES=y
            CONFIG_USES_DRIVER=y
            """;

    static final String CHOICES_DEFCONFIG = """
            #
            # Automatically generated file; DO NOT EDIT.
            # Main menu
            #
            CONFIG_MODULES=y
            # CONFIG_MODE_A is not set
            CONFIG_MODE_C=y
            # CONFIG_HAS_B is not set
            # CONFIG_OPT_X is not set
            CONFIG_OPT_Y=y
            # CONFIG_TRI_A is not set
            CONFIG_TRI_B=y
            # CONFIG_TRI_BOOL is not set
            CONFIG_DRIVER=m
            CONFIG_USES_DRIVER=y
            # CONFIG_SELECTOR is not set
            """;

}
