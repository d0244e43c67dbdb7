/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"
#include "syn-decode.h"
#include "syn-segment.h"
#include "syn-boilerplate.h"
#include "syn-normalize.h"
#include "syn-align.h"
#include "syn-diverge.h"
#include "syn-alignment.h"
#include "syn-export.h"
#include "syn-language.h"
#include "syn-word-vectors.h"
