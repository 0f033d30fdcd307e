$d1024_direct << EOD
1 9227.789 0.21
16 33963.587 1.379
64 44223.587 3.872
EOD
$d1024_proxy_pair << EOD
1 3075.715 0.488
16 8574.861 3.925
64 9686.109 12.827
EOD
$d1024_relay_pair << EOD
1 2020.506 0.686
16 10369.948 3.058
64 12985.201 9.46
EOD
$d1024_gateway_pair << EOD
1 545.609 4.546
16 2625.066 12.554
64 3646.099 37.332
EOD
$d65536_direct << EOD
1 1669.857 1.178
16 3168.938 8.528
64 2733.846 34.286
EOD
$d65536_proxy_pair << EOD
1 816.608 1.823
16 1442.761 20.156
64 1463.014 68.777
EOD
$d65536_relay_pair << EOD
1 659.858 2.245
16 1327.843 21.873
64 1255.351 84.38
EOD
$d65536_gateway_pair << EOD
1 244.961 8.64
16 702.413 32.783
64 680.23 166.51
EOD
$d1048576_direct << EOD
1 156.725 14.32
16 199.308 123.951
64 198.592 549.117
EOD
$d1048576_proxy_pair << EOD
1 78.983 20.139
16 117.498 184.261
64 118.678 738.614
EOD
$d1048576_relay_pair << EOD
1 77.97 20.373
16 102.385 224.805
64 89.726 1111.297
EOD
$d1048576_gateway_pair << EOD
1 46.698 31.164
16 63.936 404.954
64 67.28 1923.416
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run6/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
