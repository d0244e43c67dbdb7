/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model: GObjects over the alignment core, and file loading (GIO).
 */
#pragma once

#include "syn-core.h"
#include "syn-model-enums.h"
#include "syn-article.h"
#include "syn-passage.h"
#include "syn-group.h"
#include "syn-comparison.h"
#include "syn-loader.h"
#include "syn-headless.h"
#include "syn-saved.h"
#include "syn-autosave.h"
#include "syn-export-json.h"
#include "syn-vectors.h"
